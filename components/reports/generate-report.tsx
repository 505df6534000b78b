'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { safeParse } from 'zod/mini';
import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { generateBody, reportSchema } from '@/lib/reports/contract';
import { reportQueries } from '@/lib/reports/queries';

/** Admin: generate a report now, for the last complete week or one named (a new version if it already has one). */
export function GenerateReport({ onGenerated }: { onGenerated: (id: string) => void }) {
  const [week, setWeek] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const inputId = useId();
  const generate = useMutation({
    mutationFn: (body: { week?: string }) => apiFetch('/api/reports/weekly', reportSchema, { method: 'POST', json: body }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportQueries.detail(report.id).queryKey, report);
      void queryClient.invalidateQueries({ queryKey: reportQueries.list().queryKey });
      toast(`Report for ${report.week} generated${report.version > 1 ? ` (version ${report.version})` : ''}.`, 'success');
      setWeek('');
      onGenerated(report.id);
    },
  });
  const submit = () => {
    const body = week.trim() ? { week: week.trim() } : {};
    const parsed = safeParse(generateBody, body);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'That week is not valid.');
      return;
    }
    setProblem(null);
    generate.mutate(parsed.data);
  };
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId} className="space-y-1 text-xs text-muted">
        <span className="block">Week (blank: last complete week)</span>
        <input
          id={inputId}
          value={week}
          onChange={(e) => setWeek(e.target.value)}
          placeholder="2026-W48"
          pattern="\d{4}-W\d{2}"
          className="h-9 w-32 rounded-md border border-border-strong bg-surface px-2.5 font-mono text-sm text-fg"
        />
      </label>
      <Button type="submit" variant="primary" pending={generate.isPending}>
        Generate now
      </Button>
      {problem || generate.error ? (
        <InlineStatus tone="danger" className="basis-full">
          {problem ?? generate.error?.message}
        </InlineStatus>
      ) : null}
    </form>
  );
}
