import type { SignalSource } from '../signals/types.ts';
import { dashboardDue } from './dates.ts';

/** The state's newest Dashboard is due (released by mid-December) and not loaded. */
export const contextSignals: SignalSource = (db, { today }) => {
	const due = dashboardDue(db, today);
	if (!due) return [];
	return [
		{
			key: `dashboard-due:${due.year}`,
			area: 'accountability',
			message: `The state's ${due.year} Dashboard (${due.schoolYear}) should be out by now (the state releases by mid-December), and the newest loaded here is ${due.newest}.`,
			href: '/manage/imports',
			fixLabel: "Import the state's files"
		}
	];
};
