// What a feature area is: one folder with its procedures, rules, realtime events, trip-copy step, UI, texts and
// tests, registered once in app/areas/index.ts. From that list come the app router (and so the MCP tools, resources
// and addon gating, which read each procedure's meta), the realtime handling in the browser, the trip copy and the
// planner's tabs. See docs/adding-an-area.md.
import type { ComponentType } from 'react';
import type { AnyTRPCRouter } from '@trpc/server';
import type { Prisma } from '~/generated/prisma/client';
import type { AddonId } from '~/domain/addons';

/** The Prisma models that hang off a trip, directly or through a parent (checked against the schema by a test). */
export type TripModel = Prisma.ModelName;

/** One trip copy in progress: the copy steps of all areas run in list order inside one transaction. */
export interface TripCopy {
  tx: Prisma.TransactionClient;
  sourceTripId: number;
  /** the new trip, already created */
  tripId: number;
  /** who copies: becomes the owner of the copy */
  actorId: number;
  /** old id → new id for the rows copied so far, per model, for later steps that refer to them */
  ids: Partial<Record<TripModel, Map<number, number>>>;
}

export interface TripCopyStep {
  /** the models this step copies */
  models: TripModel[];
  run(copy: TripCopy): Promise<void>;
}

export interface PlannerTab {
  /** stable id, used in the URL and storage: "budget" */
  id: string;
  /** i18n key of the tab's label, in the area's first namespace: "budget:tab" */
  labelKey: string;
  /** shown only while this addon is on */
  addon?: AddonId;
  Component: ComponentType<{ tripId: number }>;
}

export interface Area<Id extends string = string, R extends AnyTRPCRouter = AnyTRPCRouter> {
  /** the router key: procedures are `<id>.<procedure>` (tRPC path) */
  id: Id;
  /** from the area's procedures.server.ts: empty in the browser bundle, where it is never read */
  router: R;
  /** locale namespaces the area's texts live in (public/locales/<lng>/<ns>.json), complete in every language */
  namespaces: readonly string[];
  /** the realtime events the area's procedures emit, with their browser-side handlers */
  events?: { handlers: object };
  /** copies the area's trip data when a trip is copied */
  copy?: TripCopyStep;
  /** trip models of the area that a copy deliberately leaves out, each with the reason */
  notCopied?: Partial<Record<TripModel, string>>;
  /** a tab in the trip planner */
  plannerTab?: PlannerTab;
}

export function defineArea<const Id extends string, R extends AnyTRPCRouter>(area: Area<Id, R>): Area<Id, R> {
  return area;
}
