import { z } from 'zod';
import { LangQuery } from './common.js';
import { certificateApi } from './certificate-api.js';
import { feedbackApi } from './feedback-api.js';
import { hallApi } from './hall-api.js';
import { Health, KioskConfig } from './health.js';
import {
  CategoryList,
  ProcedureDetail,
  ProcedureParams,
  ProhibitionList,
  SearchQuery,
  SearchResult,
} from './procedures.js';

/**
 * The terminal service API. The service registers exactly these routes and validates with these
 * schemas; the renderer client and the OpenAPI document are derived from the same table.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** Needs a signed-in clerk's token (`Authorization: Bearer`); a kiosk never has one. */
  staff?: boolean;
}

const EmptyQuery = z.object({});

export const api = {
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Service version, database and schema version, catalog and outbox state',
    query: EmptyQuery,
    response: Health,
  },
  kioskConfig: {
    method: 'GET',
    path: '/api/kiosk/config',
    summary: 'Settings the kiosk screens need: idle timeout, languages',
    query: EmptyQuery,
    response: KioskConfig,
  },
  searchProcedures: {
    method: 'GET',
    path: '/api/procedures',
    summary: 'Search procedures by Chinese, pinyin, pinyin initials, English or Russian; best match first',
    query: SearchQuery,
    response: SearchResult,
  },
  getProcedure: {
    method: 'GET',
    path: '/api/procedures/:id',
    summary: 'Everything public about one procedure, in the requested language',
    params: ProcedureParams,
    query: LangQuery,
    response: ProcedureDetail,
  },
  listCategories: {
    method: 'GET',
    path: '/api/categories',
    summary: 'Procedure categories with the number of live procedures in each',
    query: LangQuery,
    response: CategoryList,
  },
  listProhibitions: {
    method: 'GET',
    path: '/api/prohibitions',
    summary: 'The eleven prohibitions (十一不准), word for word',
    query: LangQuery,
    response: ProhibitionList,
  },
  ...hallApi,
  ...feedbackApi,
  ...certificateApi,
} as const satisfies Record<string, RouteDef>;

export type Api = typeof api;
export type RouteName = keyof Api;
type In<T> = T extends z.ZodType ? z.input<T> : never;
/** z.object({}) infers as Record<string, never>, which would forbid the `body` beside it. */
type ObjIn<T> = T extends z.ZodObject<infer S> ? (keyof S extends never ? unknown : In<T>) : In<T>;
/** What a caller passes to one route of either contract table: path and query values, and `body`. */
export type InputOf<D> = (D extends { params: infer P } ? ObjIn<P> : unknown) &
  (D extends { query: infer Q } ? ObjIn<Q> : unknown) &
  (D extends { body: infer B } ? { body: In<B> } : unknown);
export type OutputOf<D extends { response: z.ZodType }> = z.infer<D['response']>;
export type RouteInput<N extends RouteName> = InputOf<Api[N]>;
export type RouteOutput<N extends RouteName> = OutputOf<Api[N]>;
