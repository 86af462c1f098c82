import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso, schoolYears } from './district.ts';
import { priorityColumn } from './priorities.ts';
import {
	structureCategories,
	structureAuthorities,
	structureOrigins,
	policyKinds,
	policyRelations
} from '../../../choices.ts';

/** A district system or routine that carries priorities. */
export const structures = sqliteTable('structure', {
	id: integer('id').primaryKey(),
	name: text('name').notNull().unique(),
	nameEs: text('name_es'),
	category: text('category', { enum: structureCategories }).notNull(),
	authority: text('authority', { enum: structureAuthorities }).notNull(),
	origin: text('origin', { enum: structureOrigins }).notNull(),
	ownerRole: text('owner_role').notNull().default(''),
	startYearId: integer('start_year_id').references(() => schoolYears.id),
	description: text('description').notNull().default(''),
	descriptionEs: text('description_es'),
	sortOrder: integer('sort_order').notNull().default(0),
	createdAt: text('created_at').notNull().default(nowIso)
});

/** The structure a row belongs to; the row goes with the structure. */
export function structureColumn() {
	return integer('structure_id')
		.notNull()
		.references(() => structures.id, { onDelete: 'cascade' });
}

/** A board policy in CSBA numbering, e.g. BP 6000 "Concepts and Roles". */
export const policies = sqliteTable(
	'policy',
	{
		id: integer('id').primaryKey(),
		kind: text('kind', { enum: policyKinds }).notNull().default('BP'),
		number: text('number').notNull(),
		title: text('title').notNull(),
		adoptedOn: text('adopted_on'),
		revisedOn: text('revised_on'),
		url: text('url'),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('policy_number_idx').on(t.number)]
);

export const policyStructures = sqliteTable(
	'policy_structure',
	{
		policyId: integer('policy_id')
			.notNull()
			.references(() => policies.id, { onDelete: 'cascade' }),
		structureId: structureColumn(),
		relation: text('relation', { enum: policyRelations }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.policyId, t.structureId] }),
		index('policy_structure_structure_idx').on(t.structureId)
	]
);

export const structurePriorities = sqliteTable(
	'structure_priority',
	{
		structureId: structureColumn(),
		priorityId: priorityColumn()
	},
	(t) => [
		primaryKey({ columns: [t.structureId, t.priorityId] }),
		index('structure_priority_priority_idx').on(t.priorityId)
	]
);
