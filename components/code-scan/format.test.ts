import { describe, expect, it } from 'vitest';
import type { Coverage, ScanProgress } from '@/lib/code-scan/contract';
import { ago, coverageSentence, pathSegments, plural, progressFraction } from './format';

function emptyProgressForTest(): ScanProgress {
  return {
    phase: 'listing',
    folders: 0,
    listed: 0,
    scanned: 0,
    skipped: 0,
    failed: 0,
    failedBy: { permission: 0, size: 0, format: 0, error: 0 },
    exports: 0,
    removed: 0,
    stale: 0,
    hiddenFolders: 0,
    unlistedFolders: 0,
  };
}

const coverage = (over: Partial<Coverage> = {}): Coverage => ({
  objects: 309,
  notebooks: 300,
  files: 6,
  libraries: 3,
  scanned: 305,
  unreadable: { permission: 0, size: 1, format: 3, error: 0 },
  unreadableTotal: 4,
  stale: 0,
  withFindings: 10,
  findings: 11,
  ...over,
});

describe('code-scan wording', () => {
  it('gets plurals right', () => {
    expect(plural(1, 'object')).toBe('1 object');
    expect(plural(0, 'object')).toBe('0 objects');
    expect(plural(20000, 'notebook')).toBe('20,000 notebooks');
  });

  it('says how much was scanned and why the rest was not, so no finding never hides nothing scanned', () => {
    expect(coverageSentence(coverage())).toBe(
      '309 objects known, 305 scanned, 4 could not be read (1 too large to export (over 10 MB), 3 not exportable as text).',
    );
    expect(
      coverageSentence(
        coverage({ objects: 0, scanned: 0, unreadableTotal: 0, unreadable: { permission: 0, size: 0, format: 0, error: 0 } }),
      ),
    ).toBe('0 objects known, 0 scanned, none unreadable.');
    expect(coverageSentence(coverage({ stale: 1 }))).toMatch(/1 not seen by the last scan\.$/);
  });

  it('measures progress against what has been listed so far', () => {
    expect(progressFraction(emptyProgressForTest())).toBe(0);
    expect(progressFraction({ ...emptyProgressForTest(), listed: 10, scanned: 3, skipped: 1, failed: 1 })).toBe(0.5);
    expect(progressFraction({ ...emptyProgressForTest(), phase: 'owners' })).toBe(1);
  });

  it('words times and breaks paths only after slashes', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(ago('2026-12-04T11:59:30Z', now)).toBe('just now');
    expect(ago('2026-12-04T11:00:00Z', now)).toBe('1 h ago');
    expect(pathSegments('/Users/a.b@harborpine.com/x')).toEqual(['/', 'Users/', 'a.b@harborpine.com/', 'x']);
  });
});
