import { TicketQuery } from '@privdesk/domain';
import { containsPattern } from '../core/like';

/**
 * The ticket list's SQL, shared by the API and the benchmark's bare route so both run exactly the
 * same query. Filters are parameters; sort keys come from a closed list.
 */
/** A search with more matches than this ranks only the most recent ones (ranking every match costs seconds at a million tickets). */
export const RANK_ALL_MATCHES_UP_TO = 1000;
export const RECENT_MATCHES_RANKED = 200;

/** Who searches: the viewer, and whether the viewer may read internal notes (else they are not searched either). */
export interface TicketSearcher {
  id: string;
  readsInternalNotes: boolean;
}

export function ticketListSql(query: TicketQuery, viewer: TicketSearcher, options: { recentMatchesOnly?: boolean } = {}): { sql: string; countSql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const q = query.q?.trim();
  const byNumber = q && /^#\d{1,9}$/.test(q);
  if (!byNumber) {
    const view = query.view ?? 'all';
    if (view === 'mine') where.push(`t.assignee_id = ${param(viewer.id)}`);
    if (view === 'unassigned') where.push('t.assignee_id IS NULL');
    if (query.status) where.push(`t.status = ${param(query.status)}`);
    if (query.active) where.push(`t.status IN ('new', 'open', 'waiting')`);
    if (query.priority) where.push(`t.priority = ${param(query.priority)}`);
    if (query.customerId) where.push(`t.customer_id = ${param(query.customerId)}`);
    if (query.dueBy) where.push(`t.due_at < ((${param(query.dueBy)}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`);
  }
  let rank = '';
  if (byNumber) {
    // "#123" is the ticket with that number, whichever tab it is typed on, not every ticket that mentions 123.
    where.push(`t.ticket_number = ${param(Number(q.slice(1)))}`);
  } else if (q) {
    const text = param(q);
    const tsquery = `(websearch_to_tsquery('swedish', ${text}) || websearch_to_tsquery('english', ${text}))`;
    const number = /^\d{1,9}$/.test(q) ? ` OR t.ticket_number = ${param(Number(q))}` : '';
    // Only the text the viewer may read is searched, or a search would tell sales what the notes say.
    const vector = viewer.readsInternalNotes ? 't.search_vector' : 't.search_vector_without_notes';
    // The customer's and the requester's names too (three letters or more: what a trigram index can find).
    const names = q.length >= 3 ? ` OR ${nameMatchSql(param(containsPattern(q)))}` : '';
    where.push(`(${vector} @@ ${tsquery}${number}${names})`);
    rank = `ts_rank(${vector}, ${tsquery})`;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const direction = query.dir === 'desc' ? 'DESC' : 'ASC';
  const order =
    rank && !query.sort
      ? `${rank} DESC, t.due_at ASC`
      : {
          dueAt: `t.due_at ${direction}, t.ticket_number ${direction}`,
          createdAt: `t.created_at ${direction}, t.ticket_number ${direction}`,
          number: `t.ticket_number ${direction}`,
          priority: `array_position(ARRAY['urgent', 'high', 'normal', 'low'], t.priority) ${direction}, t.due_at ASC`,
        }[query.sort ?? 'dueAt'];
  const pageSize = query.pageSize ?? 25;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  // Common words: the newest matches by ticket number (an index walk), then ranked among themselves.
  const source = options.recentMatchesOnly ? `(SELECT * FROM ticket t ${filter} ORDER BY t.ticket_number DESC LIMIT ${RECENT_MATCHES_RANKED})` : 'ticket';
  const sql = `
    SELECT t.id, t.ticket_number, t.subject, t.status, t.priority, t.customer_id, c.customer_number,
           coalesce(o.name, cp.first_name || ' ' || cp.last_name) AS customer_name,
           rp.first_name || ' ' || rp.last_name AS requester_name,
           t.assignee_id, su.name AS assignee_name, t.due_at, t.created_at, t.updated_at,
           t.purpose, t.legal_basis, t.retain_until::text AS retain_until, t.retention_rule, t.retention_rule_sv
      FROM (SELECT * FROM ${source} t ${options.recentMatchesOnly ? '' : filter} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}) t
      JOIN customer c ON c.id = t.customer_id
      LEFT JOIN organisation o ON o.id = c.organisation_id
      LEFT JOIN person cp ON cp.id = c.person_id
      LEFT JOIN person rp ON rp.id = t.requester_id
      LEFT JOIN staff_user su ON su.id = t.assignee_id
     ORDER BY ${order}`;
  // A search counts at most one match past the threshold: enough to choose the plan and tell the user "more than".
  const countSql = q
    ? `SELECT count(*)::int AS total FROM (SELECT 1 FROM ticket t ${filter} LIMIT ${RANK_ALL_MATCHES_UP_TO + 1}) matches`
    : `SELECT count(*)::int AS total FROM ticket t ${filter}`;
  return { sql, countSql, params };
}

/** People a name search matches at most: a name as common as a first name alone is narrowed by typing more. */
export const NAME_MATCHES = 500;

/** Tickets whose customer (company or private person) or requester is named like the pattern. */
function nameMatchSql(pattern: string): string {
  const people = `SELECT p.id FROM person p WHERE p.anonymised_at IS NULL AND (p.first_name || ' ' || p.last_name) ILIKE ${pattern} LIMIT ${NAME_MATCHES}`;
  const customers = `SELECT c.id FROM customer c
                      WHERE c.organisation_id = ANY(ARRAY(SELECT o.id FROM organisation o WHERE o.name ILIKE ${pattern} LIMIT ${NAME_MATCHES}))
                         OR c.person_id = ANY(ARRAY(${people}))`;
  return `t.customer_id = ANY(ARRAY(${customers})) OR t.requester_id = ANY(ARRAY(${people}))`;
}

/**
 * Runs the list: the count first for a search (capped), then the page — ranked over all matches,
 * or over the most recent ones when there are very many. `run` is the database (the API's pool,
 * or the benchmark's bare route), so both run exactly the same queries.
 */
export async function runTicketList(
  query: TicketQuery,
  viewer: TicketSearcher,
  run: <T>(sql: string, params: unknown[]) => Promise<T[]>,
): Promise<{ rows: TicketListRow[]; total: number; capped: boolean }> {
  if (!query.q?.trim()) {
    const { sql, countSql, params } = ticketListSql(query, viewer);
    const [rows, [{ total }]] = await Promise.all([run<TicketListRow>(sql, params), run<{ total: number }>(countSql, params)]);
    return { rows, total, capped: false };
  }
  const { countSql, params } = ticketListSql(query, viewer);
  const [{ total }] = await run<{ total: number }>(countSql, params);
  const capped = total > RANK_ALL_MATCHES_UP_TO;
  const { sql } = ticketListSql(query, viewer, { recentMatchesOnly: capped });
  return { rows: await run<TicketListRow>(sql, params), total: capped ? RECENT_MATCHES_RANKED : total, capped };
}

export interface TicketListRow {
  id: string;
  ticket_number: number;
  subject: string;
  status: string;
  priority: string;
  customer_id: string;
  customer_number: number;
  customer_name: string;
  requester_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date;
  created_at: Date;
  updated_at: Date;
  purpose: string;
  legal_basis: string;
  retain_until: string | null;
  retention_rule: string;
  retention_rule_sv: string;
}
