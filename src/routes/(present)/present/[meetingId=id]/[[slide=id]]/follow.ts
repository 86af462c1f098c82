// The audience window and the presenter view of one meeting follow each other through a
// BroadcastChannel (same browser, same origin; nothing goes through the server). A window does
// not echo what it was just told, so two windows never chase each other.

export type DeckMessage = { kind: 'slide'; n: number } | { kind: 'blank'; blank: boolean };

/** How long after being told a window keeps still: the slides it passes while following. */
const settling = 400;

export function followDeck(meetingId: number, onMessage: (message: DeckMessage) => void) {
	const channel = new BroadcastChannel(`throughline-present-${meetingId}`);
	let toldAt = 0;
	channel.onmessage = (event: MessageEvent<DeckMessage>) => {
		toldAt = Date.now();
		onMessage(event.data);
	};
	return {
		say(message: DeckMessage) {
			if (message.kind === 'slide' && Date.now() - toldAt < settling) return;
			channel.postMessage(message);
		},
		close() {
			channel.close();
		}
	};
}
