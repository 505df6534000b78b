// The people-dependent part of the workspace: every person's home folder (with the `analysis` notebook the
// audit history attaches to clusters), their own notebooks in the languages their team works in, and a few
// personal Git folders. Volumes fill the scale's notebook total exactly.
import type { RepoInfo } from '../store/workspace-objects';
import { CLEAN_TEMPLATES, specOf } from './notebook-content';
import { GENERIC_TOPICS, SUBFOLDERS, TOPICS } from './notebook-vocabulary';
import type { Rng } from './random';

export interface Person {
  userName: string;
  active: boolean;
  groups: string[];
  /** Epoch ms the account was created. */
  createdAt: number;
  /** Epoch ms the person was deactivated, if they were. */
  deactivatedAt?: number | null;
}

export interface HomeObject {
  path: string;
  type: 'NOTEBOOK' | 'REPO';
  spec?: string;
  repo?: RepoInfo;
  creator: string;
  /** The `analysis` notebook is attached to clusters throughout the audit history: created early, used lately. */
  analysis?: boolean;
}

const TEAM_TEMPLATES: Record<string, string[]> = {
  'data-engineering': [
    'py-etl',
    'py-etl',
    'py-autoloader',
    'sql-merge',
    'sql-merge',
    'scala-stream',
    'scala-batch',
    'py-scratch',
    'py-scratch',
    'py-quality',
  ],
  'data-science': ['py-ml', 'py-ml', 'py-analysis', 'py-analysis', 'py-scratch', 'sql-adhoc'],
  'ml-engineering': ['py-ml', 'py-platform', 'py-analysis', 'py-scratch'],
  analytics: ['sql-report', 'sql-report', 'sql-adhoc', 'py-analysis', 'py-analysis', 'py-scratch', 'sql-ddl'],
  'bi-developers': ['sql-report', 'sql-report', 'sql-adhoc', 'sql-ddl'],
  'finance-analysts': ['sql-report', 'sql-adhoc', 'py-analysis'],
  'claims-analytics': ['sql-report', 'sql-adhoc', 'py-analysis', 'py-scratch'],
  actuarial: ['r-actuarial', 'r-actuarial', 'py-analysis', 'sql-adhoc'],
  'platform-ops': ['py-platform', 'py-platform', 'sql-adhoc', 'py-scratch'],
  contractors: ['py-etl', 'sql-adhoc', 'sql-adhoc', 'py-scratch'],
  'security-analysts': ['sql-adhoc', 'sql-adhoc', 'sql-report', 'py-scratch'],
  'security-managers': ['sql-report', 'sql-adhoc'],
};

export const teamOf = (p: Person) => p.groups.find((g) => g in TEAM_TEMPLATES) ?? 'analytics';

// Folder names a home may also hold: a notebook of the same name beside them would clash.
const RESERVED = new Set([...SUBFOLDERS, 'old', 'legacy', 'onboarding', 'investigations', 'analysis']);

const templateFor = (rng: Rng, team: string) => rng.pick(TEAM_TEMPLATES[team] ?? CLEAN_TEMPLATES);

/**
 * Home-folder and personal-repo notebooks for `people`, `budget` notebooks in all (each person's `analysis`
 * notebook included). Paths are unique; `taken` holds paths already used by the fixed part.
 */
export function homeObjects(rng: Rng, people: Person[], budget: number, taken: Set<string>): HomeObject[] {
  const out: HomeObject[] = [];
  const add = (o: HomeObject) => {
    let path = o.path;
    for (let n = 2; taken.has(path); n++) path = `${o.path}_${n}`;
    taken.add(path);
    out.push({ ...o, path });
  };
  for (const p of people)
    add({
      path: `/Users/${p.userName}/analysis`,
      type: 'NOTEBOOK',
      spec: specOf('py-analysis', rng.int(1, 2 ** 31)),
      creator: p.userName,
      analysis: true,
    });

  // Some people keep dozens of notebooks, many a handful, a few none beyond `analysis`.
  const weights = people.map(() => rng.pick([0, 1, 1, 2, 2, 3, 4, 6, 9, 14]));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const left = Math.max(0, budget - people.length);
  const counts = weights.map((w) => Math.floor((w / total) * left));
  for (let rest = left - counts.reduce((a, b) => a + b, 0); rest > 0; rest--) counts[rng.int(0, people.length - 1)]! += 1;

  people.forEach((p, i) => {
    let n = counts[i] ?? 0;
    const team = teamOf(p);
    const topics = TOPICS[team] ?? GENERIC_TOPICS;
    // Personal Git folders belong to people still here: offboarding removes a leaver's (their work is in Git),
    // while Databricks keeps the home folder.
    if (p.active && n >= 3 && rng.chance(0.25)) {
      const repoName = rng.pick(['sandbox', 'experiments', 'notebooks', `${team}-tools`, 'poc']);
      const repo = `/Repos/${p.userName}/${repoName}`;
      add({
        path: repo,
        type: 'REPO',
        creator: p.userName,
        repo: {
          url: `https://github.com/harborpine/${repoName}.git`,
          provider: 'gitHub',
          branch: rng.pick(['main', 'main', 'dev', `feature/${rng.pick(topics)}`]),
          headCommitId: rng.hex(40),
        },
      });
      for (let k = rng.int(2, Math.min(4, n)); k > 0; k--, n--)
        add({
          path: `${repo}/${rng.pick(topics)}`,
          type: 'NOTEBOOK',
          spec: specOf(templateFor(rng, team), rng.int(1, 2 ** 31)),
          creator: p.userName,
        });
    }
    for (; n > 0; n--) {
      const folder = rng.chance(0.5) ? '' : `/${rng.pick(SUBFOLDERS)}`;
      let name = rng.chance(0.12)
        ? rng.pick(GENERIC_TOPICS)
        : `${rng.pick(topics)}${rng.pick(['', '', '', '_v2', '_2024q3', '_old', ' (1)'])}`;
      if (!folder && RESERVED.has(name)) name = `${name}_notebook`;
      add({
        path: `/Users/${p.userName}${folder}/${name}`,
        type: 'NOTEBOOK',
        spec: specOf(templateFor(rng, team), rng.int(1, 2 ** 31)),
        creator: p.userName,
      });
    }
  });
  return out;
}
