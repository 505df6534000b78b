// The fix for a finding, in the notebook's own language: rotate the exposed value, put the new one in a secret scope,
// and read it with dbutils.secrets.get (or SQL's secret(), or a {{secrets/…}} reference where code cannot run). The
// scope and key are suggestions from the notebook's folder and the variable's name, so the snippet can be pasted.
import { DETECTOR_LABELS, type DetectorId } from './detectors';
import type { Language, LineContext } from './scan';

export interface FixInput {
  detector: DetectorId;
  variable: string | null;
  context: LineContext;
  /** Notebook language; null for a file. */
  language: Language | null;
  path: string;
  /** The object lives in a Git folder: the value is in the repository's history too. */
  inGitFolder: boolean;
}

export interface Fix {
  scope: string;
  key: string;
  steps: string[];
  /** Commands that create the scope and store the new value (the CLI prompts for the value; it is never typed here). */
  setup: string;
  snippet: string;
  snippetLanguage: 'python' | 'scala' | 'r' | 'sql' | 'shell' | 'text';
}

const safeName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64) || 'credentials';

/** A scope named for where the notebook lives: the person, the team folder or the Git folder's owner. */
export function suggestedScope(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const [top, owner] = parts;
  const local = (name: string) => (name.includes('@') ? name.slice(0, name.indexOf('@')) : name);
  if ((top === 'Users' || top === 'Repos' || top === 'Shared') && owner && parts.length > 2) return safeName(local(owner));
  return top === 'Shared' ? 'shared' : 'credentials';
}

/** A key named for the variable (DATABRICKS_TOKEN → databricks-token), or for the kind of credential. */
export function suggestedKey(variable: string | null, detector: DetectorId): string {
  if (variable && !variable.includes('.') && /[a-z]/i.test(variable))
    return safeName(variable.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-'));
  return detector === 'generic-secret' ? 'secret' : detector;
}

const isIdentifier = (v: string | null): v is string => v !== null && /^[A-Za-z_]\w*$/.test(v);
const isConfKey = (v: string | null): v is string => v !== null && /^[\w-]+(\.[\w-]+)+$/.test(v);

function snippetFor(input: FixInput, scope: string, key: string): Pick<Fix, 'snippet' | 'snippetLanguage'> {
  const { language, variable, detector, context } = input;
  const ref = `{{secrets/${scope}/${key}}}`;
  if (context === 'shell')
    return {
      snippetLanguage: 'shell',
      snippet: [
        `# Cluster → Advanced options → Environment variables:  ${envName(variable, key)}=${ref}`,
        `curl -H "Authorization: Bearer $${envName(variable, key)}" …`,
      ].join('\n'),
    };
  if (context === 'config' || language === null)
    return { snippetLanguage: 'text', snippet: `${variable ?? key}: ${ref}   # resolved by Databricks in cluster and job settings` };
  if (language === 'SQL') {
    if (detector === 'jdbc-password')
      return {
        snippetLanguage: 'sql',
        snippet: [`OPTIONS (`, `  url 'jdbc:…'  -- without password=…`, `  user '…',`, `  password secret('${scope}', '${key}')`, `)`].join(
          '\n',
        ),
      };
    return { snippetLanguage: 'sql', snippet: `secret('${scope}', '${key}')` };
  }
  const lookup =
    language === 'PYTHON'
      ? `dbutils.secrets.get(scope="${scope}", key="${key}")`
      : `dbutils.secrets.get(scope = "${scope}", key = "${key}")`;
  const lang = language === 'PYTHON' ? 'python' : language === 'SCALA' ? 'scala' : 'r';
  if (isConfKey(variable))
    return {
      snippetLanguage: lang,
      snippet: `spark.conf.set("${variable}", ${lookup})\n# or in the cluster's Spark config:  ${variable} ${ref}`,
    };
  if (detector === 'jdbc-password') {
    const name = language === 'SCALA' ? 'val jdbcPassword' : 'jdbc_password';
    const use =
      language === 'R' ? 'password = jdbc_password' : `.option("password", ${language === 'SCALA' ? 'jdbcPassword' : 'jdbc_password'})`;
    return { snippetLanguage: lang, snippet: `${name} = ${lookup}\n# then drop password=… from the URL and pass it as ${use}` };
  }
  const target = isIdentifier(variable) ? variable : language === 'SCALA' ? 'secretValue' : 'secret_value';
  return { snippetLanguage: lang, snippet: `${language === 'SCALA' ? 'val ' : ''}${target} = ${lookup}` };
}

const envName = (variable: string | null, key: string) =>
  isIdentifier(variable) ? variable.toUpperCase() : key.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

export function fixFor(input: FixInput): Fix {
  const scope = suggestedScope(input.path);
  const key = suggestedKey(input.variable, input.detector);
  const full = DETECTOR_LABELS[input.detector];
  // Names of products and formats keep their capitals ("this Databricks personal access token", "this private key").
  const label = /^(Databricks|AWS|Azure|GitHub|Slack)\b/.test(full) ? full : full.charAt(0).toLowerCase() + full.slice(1);
  const history = input.inGitFolder
    ? "the notebook's revision history and the Git repository's history"
    : "the notebook's revision history";
  const steps = [
    `Rotate this ${label} where it was issued: anyone who can read this ${input.language ? 'notebook' : 'file'} could have copied it, and it stays in ${history}.`,
    input.context === 'comment' || input.context === 'text'
      ? 'Delete the line: the code does not use it, but everyone who can open the notebook can read it.'
      : 'Store the new value in a secret scope, then replace the line with a lookup:',
  ];
  if (input.detector === 'databricks-token' && input.language === 'PYTHON')
    steps.push(
      "Calling this workspace's own API? Use WorkspaceClient() from databricks-sdk with no token: it acts as whoever runs the notebook.",
    );
  return {
    scope,
    key,
    steps,
    setup: [`databricks secrets create-scope ${scope}`, `databricks secrets put-secret ${scope} ${key}`].join('\n'),
    ...snippetFor(input, scope, key),
  };
}
