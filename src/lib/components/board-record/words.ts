// The verdicts' and votes' words in the reader's language (board pages read them in English).
import { m } from '$lib/paraglide/messages';
import type { RollCallVote, Verdict } from '$lib/choices';

export function verdictWord(v: Verdict): string {
	return v === 'yes' ? m.verdict_yes() : v === 'partly' ? m.verdict_partly() : m.verdict_no();
}

export function voteWord(v: RollCallVote): string {
	return { aye: m.vote_aye, no: m.vote_no, abstain: m.vote_abstain, absent: m.vote_absent }[v]();
}
