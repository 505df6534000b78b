import { route } from '@/lib/api/route';
import { csvLine } from '@/lib/csv';
import { EXPORT_COLUMNS, exportRows } from '@/lib/audit/server/explorer';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditQuerySchema, windowOf } from '@/lib/audit/contract';
import { EXPORT_CAP } from '@/lib/audit/rules/limits';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const fileStamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

// GET /api/audit/export?<view> — the matching events as CSV, newest first, streamed, at most EXPORT_CAP rows.
export const GET = route(
  { role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES },
  async ({ workspace, query, log }) => {
    const now = new Date();
    const window = windowOf(query, now);
    const rows = exportRows(workspace, query, now);
    // The first page is read before answering, so a warehouse failure is still a proper JSON error, not a broken file.
    const first = await rows.next();
    const encoder = new TextEncoder();
    let pending: typeof first | null = first;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${csvLine(EXPORT_COLUMNS)}\r\n`));
      },
      // Lines are sent in batches, so 50,000 rows are a few hundred chunks rather than 50,000.
      async pull(controller) {
        let text = '';
        try {
          for (let n = 0; n < 500; n++) {
            const next = pending ?? (await rows.next());
            pending = null;
            if (next.done) {
              controller.enqueue(encoder.encode(text));
              controller.close();
              return;
            }
            if ('capped' in next.value) {
              // Said in the file itself, so a spreadsheet never passes for the complete log.
              text += `${csvLine([`export capped at ${EXPORT_CAP.toLocaleString('en-US')} rows; narrow the time range or filters for the rest`])}\r\n`;
            } else {
              text += `${csvLine(next.value)}\r\n`;
              sent++;
            }
          }
        } catch (e) {
          log.warn('audit.export_failed', { rows: sent, error: e });
          text += `${csvLine([`export stopped after ${sent} rows: the SQL warehouse failed; try again or narrow the filters`])}\r\n`;
          controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-events-${fileStamp(window.from)}-${fileStamp(window.to)}.csv"`,
        'X-Export-Cap': String(EXPORT_CAP),
      },
    });
  },
);
