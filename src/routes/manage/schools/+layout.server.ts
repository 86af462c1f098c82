// The schools pages are served without JavaScript for now: with it, a field filled while the page
// hydrates was lost in the e2e journeys (issue 16's note); their forms post and reload.
export const csr = false;
