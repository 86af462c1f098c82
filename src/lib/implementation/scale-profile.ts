// A priority's scale profile as a page receives it: spread, depth, sustainability and ownership per
// school year. Types only, shared by the server (measures, queries) and the pages.

export interface ScaleYear {
	year: number;
	/** Schools with at least one check-in on the priority's structures. */
	schools: number;
	/** Share of those schools at 3+ (mean depth over the priority's structures). */
	spread: number | null;
	/** Mean of the schools' depths on the priority. */
	depth: number | null;
	/** Share of the measured schools at 3+ this year and the year before. */
	sustainability: number | null;
	sustainedSchools: number;
	/** Of the sustained schools, how many held 3+ through a principal change. */
	heldThroughPrincipalChange: number;
	/** Share of measured schools with a local adaptation or a site-led role. */
	ownership: number | null;
}

export interface ScaleProfileYear extends ScaleYear {
	label: string;
}

export interface PriorityScaleProfile {
	priority: { id: number; slug: string; title: string };
	/** Names of the structures that carry the priority. */
	structures: { id: number; name: string; required: boolean }[];
	years: ScaleProfileYear[];
}
