// Whether an enhanced form's save is on its way. A page that keeps its place after a save shows
// the same notice twice running ("Saved."): hiding it while the next save is sent makes the second
// one appear anew, seen and heard, instead of standing unchanged from the first.
export const saving = $state({ now: false });
