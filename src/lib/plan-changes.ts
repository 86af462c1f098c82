// How a change to an adopted plan reads, in the product's words and the reader's language: the
// public change log, its downloads and the API word the stored values the same way.
import { formatValue, type Locale, type Unit } from './format.ts';
import type { PlanChangeKind } from './choices.ts';

export type { PlanChangeKind } from './choices.ts';

interface TargetValue {
	year: string;
	group: string;
	groupName: string | null;
	groupNameEs: string | null;
	value: number;
}

type Value =
	| { targets: TargetValue[]; unit: Unit }
	| { baseline: { year: string | null; value: number | null }; unit: Unit }
	| { status: string }
	| null;

const statusWords: Record<Locale, Record<string, string>> = {
	en: { active: 'active', completed: 'completed', retired: 'retired' },
	es: { active: 'activa', completed: 'completada', retired: 'retirada' }
};

const words = {
	en: {
		none: 'none',
		noTargets: 'no targets',
		inPlan: 'a measure of this priority',
		notInPlan: 'not a measure of this priority',
		carries: 'carries this priority',
		doesNotCarry: 'does not carry this priority'
	},
	es: {
		none: 'ninguno',
		noTargets: 'sin metas',
		inPlan: 'una medida de esta prioridad',
		notInPlan: 'no es una medida de esta prioridad',
		carries: 'sostiene esta prioridad',
		doesNotCarry: 'no sostiene esta prioridad'
	}
};

/** What the change was about, as a heading: "Targets", "Baseline", "Status"… */
export function planChangeTitle(kind: PlanChangeKind, locale: Locale): string {
	const en: Record<PlanChangeKind, string> = {
		'measure-added': 'Measure added',
		'measure-removed': 'Measure removed',
		targets: 'Targets changed',
		baseline: 'Baseline changed',
		status: 'Status changed',
		'structure-added': 'Now carried by a structure',
		'structure-removed': 'No longer carried by a structure'
	};
	const es: Record<PlanChangeKind, string> = {
		'measure-added': 'Medida añadida',
		'measure-removed': 'Medida retirada',
		targets: 'Metas cambiadas',
		baseline: 'Punto de partida cambiado',
		status: 'Estado cambiado',
		'structure-added': 'Ahora la sostiene una estructura',
		'structure-removed': 'Ya no la sostiene una estructura'
	};
	return (locale === 'es' ? es : en)[kind];
}

/**
 * A stored before or after value in plain words, e.g. "2024-25: 48 %; 2025-26: 50 %" or, for a
 * measure or structure added or removed, what it was on that side.
 */
export function planValueText(
	kind: PlanChangeKind,
	side: 'before' | 'after',
	value: unknown,
	locale: Locale
): string {
	const w = words[locale];
	const v = value as Value;
	const added = side === 'after';
	if (kind === 'measure-added') return added ? w.inPlan : w.notInPlan;
	if (kind === 'measure-removed') return added ? w.notInPlan : w.inPlan;
	if (kind === 'structure-added') return added ? w.carries : w.doesNotCarry;
	if (kind === 'structure-removed') return added ? w.doesNotCarry : w.carries;
	if (!v || typeof v !== 'object') return w.none;
	if ('targets' in v) {
		if (!v.targets.length) return w.noTargets;
		return v.targets
			.map((t) => {
				const who =
					t.group === 'ALL'
						? ''
						: ` (${(locale === 'es' ? t.groupNameEs : null) ?? t.groupName ?? t.group})`;
				return `${t.year}${who}: ${formatValue(t.value, v.unit, locale)}`;
			})
			.join('; ');
	}
	if ('baseline' in v) {
		const b = v.baseline;
		if (b.value === null) return w.none;
		return `${formatValue(b.value, v.unit, locale)}${b.year ? ` (${b.year})` : ''}`;
	}
	if ('status' in v) return statusWords[locale][v.status] ?? v.status;
	return w.none;
}
