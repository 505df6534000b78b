// Each detector on lines written the way people write them, and on the lines that must not trip it.
import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, DETECTOR_LABELS, type DetectorId } from './detectors';
import { characterClasses, isRepetitive, shannonEntropy } from './entropy';
import { MASK } from './mask';
import { nameStrength } from './names';
import { scanSource, type Language } from './scan';

const findings = (line: string, language: Language = 'PYTHON') =>
  scanSource(line, { objectType: 'NOTEBOOK', language, path: '/x' }).findings;
const detectorsOn = (line: string, language: Language = 'PYTHON') => findings(line, language).map((f) => f.detector);
const safeOn = (line: string, language: Language = 'PYTHON') =>
  scanSource(line, { objectType: 'NOTEBOOK', language, path: '/x' }).safe.map((s) => s.reason);

// Random-looking values built at run time, so this file holds no string a secret scanner would flag.
const HEX = 'e3b9c41f7a2d8605';
const B64 = 'q8ZrT2vLx0NwPm4kYc7sHd1uJf5gAeB9';
const tokenValue = `dapi${HEX}${HEX.split('').reverse().join('')}`;
const awsId = `AKIA${'QWERTYUIOPASDFGH'.split('').reverse().join('')}`;
const awsSecret = `${B64}Zx/W+3Kl`;
const azureKey = `${B64}${B64}${B64.slice(0, 22)}==`;

const POSITIVE: Array<[DetectorId, string, Language?]> = [
  ['databricks-token', `token = "${tokenValue}"`],
  ['databricks-token', `headers = {"Authorization": "Bearer ${tokenValue}-2"}`],
  ['databricks-oauth-secret', `client_secret = "dose${HEX}${[...HEX].reverse().join('')}"`],
  ['aws-access-key-id', `aws_access_key_id="${awsId}",`],
  ['aws-secret-access-key', `    aws_secret_access_key="${awsSecret}",`],
  ['aws-secret-access-key', `sc._jsc.hadoopConfiguration().set("fs.s3a.secret.key", "${awsSecret}")`],
  ['azure-storage-account-key', `spark.conf.set("fs.azure.account.key.acct.dfs.core.windows.net", "${azureKey}")`, 'SCALA'],
  [
    'azure-storage-account-key',
    `conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${azureKey};EndpointSuffix=core.windows.net"`,
  ],
  ['azure-sas-token', `url = "https://acct.blob.core.windows.net/c/f.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig=${B64}%2Bx%3D"`],
  ['github-token', `GH = "ghp_${B64}Abcd"`],
  ['slack-webhook', `hook = "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMNOP/${B64.slice(0, 24)}"`],
  ['private-key', 'KEY = """-----BEGIN RSA PRIVATE KEY-----'],
  ['private-key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['jdbc-password', `url 'jdbc:sqlserver://db:1433;databaseName=X;user=svc;password=Fj3#kq9Lm;encrypt=true'`, 'SQL'],
  ['jdbc-password', `-- jdbc:postgresql://db:5432/x?user=u&password=Pine@4821k`, 'SQL'],
  ['password', `PWD = "Winter$2291Z"`, 'R'],
  ['password', `    .option("password", "Ledger!7730Q")`],
  ['password', `  password 'Falcon#5521x'`, 'SQL'],
  ['password', `val dbPassword: String = "Summer@1187k"`, 'SCALA'],
  ['generic-secret', `api_token = "${B64}"`],
  ['generic-secret', `SECRET_KEY = '${B64}'`],
  ['generic-secret', `creds = {"client_secret": "${B64}"}`],
  ['generic-secret', `r = requests.get(u, headers={"X": "Bearer ${B64}"})`],
];

describe('detectors', () => {
  it('has a label for every detector', () => {
    for (const id of DETECTOR_IDS) expect(DETECTOR_LABELS[id]).toMatch(/\w/);
  });

  it.each(POSITIVE)('%s: %s', (detector, line, language) => {
    expect(detectorsOn(line, language)).toEqual([detector]);
  });

  it('every detector has a positive example above', () => {
    expect(new Set(POSITIVE.map(([d]) => d))).toEqual(new Set(DETECTOR_IDS));
  });

  it.each([
    ['a secret-scope lookup', 'token = dbutils.secrets.get(scope="prod", key="databricks-token")', null],
    ['a lookup whose key name looks random', 'pw = dbutils.secrets.get(scope="prod", key="Xk29fLq0Zt7mWb3RnY8p")', 'secret-scope-lookup'],
    ['a {{secrets/…}} reference', '"fs.azure.account.key.a.dfs.core.windows.net": "{{secrets/akv/storage-key}}",', 'secret-reference'],
    ['an f-string', 'url = f"jdbc:sqlserver://h:1433;user=u;password={pw}"', 'interpolation'],
    ['a Scala interpolation', 'val jaas = s"""x required username="$$ConnectionString" password="$connection";"""', 'interpolation'],
    ['a placeholder', 'DATABRICKS_TOKEN = "<your-token>"', 'placeholder'],
    ['an X placeholder', 'hook = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"', 'placeholder'],
    ['a fixture', `FIXTURE_TOKEN = "dapi${'1234567890abcdef'.repeat(2)}"`, 'test-fixture'],
    ['a repeated filler', `t = "dapi${'ab'.repeat(16)}"`, 'placeholder'],
    ['AWS documentation', `aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"`, 'documented-example'],
    ['a trivial password', 'password = "password"', null],
    ['a checksum', `file_sha256 = "${HEX.repeat(4)}"`, null],
    ['an environment lookup', 'password = os.environ["DB_PASSWORD"]', null],
    ['a runtime token', 'token = dbutils.notebook.entry_point.getDbutils().notebook().getContext().apiToken().get()', null],
    ['a column named key', 'partition_key = "customer_region_code"', null],
    ['a key name argument', 'secret = w.secrets.get_secret(scope="s", key="k")', null],
    ['a token URL', 'TOKEN_URL = "https://login.microsoftonline.com/tenant/oauth2/v2.0/token"', null],
    ['a prompt', 'password = getpass.getpass("Snowflake password: ")', null],
    ['the SQL secret() function', "  password secret('finance-reporting', 'sql-password'),", null],
    ['an equality test', 'if password == "Winter$2291Z": pass', null],
  ])('not a finding: %s', (_what, line, reason) => {
    expect(findings(line)).toEqual([]);
    if (reason) expect(safeOn(line)).toContain(reason);
  });

  it('reads KEY=value lines only in configuration files', () => {
    const env = `DB_PASSWORD=Harbor!4471x\nAPI_TOKEN=${B64}\nDB_HOST=db.internal`;
    const inEnv = scanSource(env, { objectType: 'FILE', language: null, path: '/Repos/a/b/.env' }).findings;
    expect(inEnv.map((f) => [f.line, f.detector, f.context])).toEqual([
      [1, 'password', 'config'],
      [2, 'generic-secret', 'config'],
    ]);
    expect(scanSource(env, { objectType: 'FILE', language: null, path: '/Repos/a/b/notes.md' }).findings).toEqual([]);
  });

  it('masks a short password completely and a long key but its last four characters', () => {
    expect(findings(`PWD = "Winter$2291Z"`, 'R')[0]!.preview).toBe(MASK);
    expect(findings(`api_token = "${B64}"`)[0]!.preview).toBe(`${MASK}${B64.slice(-4)}`);
    expect(findings(`GH = "ghp_${B64}Abcd"`)[0]!.preview).toBe(`ghp_${MASK}Abcd`);
    expect(findings('-----BEGIN OPENSSH PRIVATE KEY-----')[0]!.preview).toBe(`-----BEGIN OPENSSH PRIVATE KEY----- ${MASK}`);
  });
});

describe('entropy and names', () => {
  it('measures randomness', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(characterClasses('Ab1!')).toBe(4);
    expect(characterClasses('customer_id')).toBe(2);
    expect(isRepetitive('abcabcabc')).toBe(true);
    expect(isRepetitive('XXXXXXX/XXXX')).toBe(true);
    expect(isRepetitive(B64)).toBe(false);
  });

  it('reads what a name says about its value', () => {
    expect(nameStrength('SNOWFLAKE_PASSWORD')).toBe('password');
    expect(nameStrength('dbPwd')).toBe('password');
    expect(nameStrength('api_token')).toBe('secret');
    expect(nameStrength('aws_secret_access_key')).toBe('secret');
    expect(nameStrength('key')).toBe('key');
    expect(nameStrength('TOKEN_URL')).toBeNull();
    expect(nameStrength('secret_scope')).toBeNull();
    expect(nameStrength('aws_access_key_id')).toBeNull();
    expect(nameStrength('EXPECTED_SHA256')).toBeNull();
  });
});
