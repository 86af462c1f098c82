// The schools pages need no JavaScript (plain forms, disclosures, links): served without it, a
// form filled before the page would have hydrated keeps what was typed.
export const csr = false;
