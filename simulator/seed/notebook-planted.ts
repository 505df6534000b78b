// Notebooks that hold hard-coded credentials (positives) in the places people put them: a token in a string, an
// AWS key pair, a storage key in a Spark conf line, a JDBC URL with password=, a private key block, a Slack
// webhook, a commented-out line and a %sh cell. Every such line carries a mark, so the test-facing description in
// notebook-secrets.ts is derived from the very content the simulator serves. Near-misses: notebook-near-misses.ts.
import { fakes } from './notebook-fakes';
import { code, md, type CellMark } from './notebook-source';
import type { Drafted } from './notebook-templates-python';
import type { Rng } from './random';

const pos = (at: number, kind: string, note: string, value: string): CellMark => ({ at, kind, category: 'positive', note, value });

const host = (rng: Rng) =>
  `https://adb-${rng.int(1_000_000, 8_999_999)}${rng.int(10_000_000, 99_999_999)}.${rng.int(1, 19)}.azuredatabricks.net`;

export const positives: Record<string, (rng: Rng) => Drafted> = {
  'p-dapi-string': (rng) => {
    const token = fakes.databricksToken(rng);
    return {
      cells: [
        md('# Backfill claims through the Jobs API', 'Triggers the claims-ingest job once per day in the range.'),
        code(
          [
            'import requests',
            '',
            `DATABRICKS_HOST = "${host(rng)}"`,
            `DATABRICKS_TOKEN = "${token}"`,
            'headers = {"Authorization": f"Bearer {DATABRICKS_TOKEN}"}',
          ],
          undefined,
          [pos(3, 'databricks-token', 'string', token)],
        ),
        code([
          'import pandas as pd',
          '',
          `for d in pd.date_range("2024-0${rng.int(1, 9)}-01", periods=${rng.int(5, 30)}).strftime("%Y-%m-%d"):`,
          '    r = requests.post(f"{DATABRICKS_HOST}/api/2.1/jobs/run-now", headers=headers,',
          `                      json={"job_id": ${rng.int(100_000, 999_999)}, "job_parameters": {"run_date": d}}, timeout=30)`,
          '    print(d, r.status_code)',
        ]),
      ],
    };
  },
  'p-aws-keypair': (rng) => {
    const id = fakes.awsAccessKeyId(rng);
    const secret = fakes.awsSecretKey(rng);
    return {
      cells: [
        md('# Telematics extract', 'Pulls the vendor drop from their S3 bucket into the landing zone.'),
        code(
          [
            'import boto3',
            '',
            's3 = boto3.client(',
            '    "s3",',
            `    aws_access_key_id="${id}",`,
            `    aws_secret_access_key="${secret}",`,
            '    region_name="us-east-1",',
            ')',
          ],
          'Vendor bucket',
          [pos(4, 'aws-access-key-id', 'string', id), pos(5, 'aws-secret-access-key', 'string', secret)],
        ),
        code([
          'objs = s3.list_objects_v2(Bucket="tlm-partner-harborpine", Prefix="daily/")["Contents"]',
          'for o in objs[-3:]:',
          '    s3.download_file("tlm-partner-harborpine", o["Key"], f"/dbfs/tmp/telematics/{o[\'Key\'].split(\'/\')[-1]}")',
        ]),
      ],
    };
  },
  'p-azure-key-conf': (rng) => {
    const key = fakes.azureStorageKey(rng);
    return {
      cells: [
        md('# GL snapshot loader', 'Month-end general ledger snapshot from the finance storage account.'),
        code([`spark.conf.set("fs.azure.account.key.harborpinefinance.dfs.core.windows.net", "${key}")`], 'Storage access', [
          pos(0, 'azure-storage-account-key', 'spark-conf', key),
        ]),
        code([
          'val gl = spark.read.parquet("abfss://gl@harborpinefinance.dfs.core.windows.net/snapshots/latest/")',
          'gl.write.mode("overwrite").saveAsTable("finance.ledger.gl_snapshot")',
        ]),
      ],
    };
  },
  'p-jdbc-password': (rng) => {
    const pw = fakes.password(rng);
    return {
      cells: [
        md('# Policy admin sync', 'Reads the legacy policy administration database directly.'),
        code(
          [
            'CREATE TABLE IF NOT EXISTS sandbox.scratch.pas_policies',
            'USING org.apache.spark.sql.jdbc',
            'OPTIONS (',
            `  url 'jdbc:sqlserver://pas-sql01.harborpine.local:1433;databaseName=PolicyAdmin;user=svc_databricks_ro;password=${pw};encrypt=true',`,
            "  dbtable 'dbo.Policies'",
            ')',
          ],
          undefined,
          [pos(3, 'jdbc-password', 'jdbc-url', pw)],
        ),
        code(['SELECT count(*) FROM sandbox.scratch.pas_policies']),
      ],
    };
  },
  'p-private-key': (rng) => {
    const lines = fakes.privateKeyLines(rng);
    return {
      cells: [
        md('# Broker SFTP pull', 'Nightly bordereaux files from the broker SFTP server.'),
        code(['import io', 'import paramiko', '', 'KEY = """' + lines[0], ...lines.slice(1), '"""'], 'Key', [
          pos(3, 'private-key', 'key-block', lines.join('\n')),
        ]),
        code([
          'pkey = paramiko.RSAKey.from_private_key(io.StringIO(KEY))',
          `transport = paramiko.Transport(("sftp.broker-partner.example", 22))`,
          'transport.connect(username="harborpine", pkey=pkey)',
          'sftp = paramiko.SFTPClient.from_transport(transport)',
          'sftp.listdir("/outbound")',
        ]),
      ],
    };
  },
  'p-slack-webhook': (rng) => {
    const url = fakes.slackWebhook(rng);
    return {
      cells: [
        md('# Claims anomaly alert', 'Posts to #claims-ops when daily claim counts leave the usual band.'),
        code(['import requests', '', `SLACK_WEBHOOK_URL = "${url}"`], undefined, [pos(2, 'slack-webhook', 'string', url)]),
        code([
          'daily = spark.sql("SELECT claim_date, sum(claims) AS n FROM analytics.gold.claims_daily GROUP BY 1 ORDER BY 1").toPandas()',
          'mean, std = daily.n.tail(60).mean(), daily.n.tail(60).std()',
          'today = daily.iloc[-1]',
          `if abs(today.n - mean) > ${rng.pick([2, 3])} * std:`,
          '    requests.post(SLACK_WEBHOOK_URL, json={"text": f"Claims on {today.claim_date}: {today.n} (usual {mean:.0f})"})',
        ]),
      ],
    };
  },
  'p-commented-dapi': (rng) => {
    const token = fakes.databricksToken(rng);
    return {
      cells: [
        md('# Token rotation test'),
        code(
          [
            'from databricks.sdk import WorkspaceClient',
            '',
            `# w = WorkspaceClient(host="${host(rng)}", token="${token}")  # old PAT, rotated`,
            'w = WorkspaceClient()',
            'w.current_user.me().user_name',
          ],
          undefined,
          [pos(2, 'databricks-token', 'comment', token)],
        ),
      ],
    };
  },
  'p-sql-commented-jdbc': (rng) => {
    const pw = fakes.password(rng);
    return {
      cells: [
        md('# Broker commissions transform'),
        code(
          [
            '-- source moved to Unity Catalog; old direct read kept for reference:',
            `-- url 'jdbc:postgresql://commissions-db.harborpine.local:5432/commissions?user=svc_commissions&password=${pw}'`,
            'CREATE OR REPLACE TABLE analytics.gold.broker_commissions AS',
            "SELECT broker_id, date_trunc('MONTH', start_date) AS month, sum(premium) * 0.12 AS commission",
            'FROM analytics.silver.policies',
            'GROUP BY ALL',
          ],
          undefined,
          [pos(1, 'jdbc-password', 'comment', pw)],
        ),
      ],
    };
  },
  'p-magic-sh-dapi': (rng) => {
    const token = fakes.databricksToken(rng);
    return {
      cells: [
        md('# Churn feature pipeline'),
        {
          magic: true,
          lines: [`%sh curl -s -H "Authorization: Bearer ${token}" ${host(rng)}/api/2.0/clusters/list | head -c 400`],
          marks: [pos(0, 'databricks-token', 'magic', token)],
        },
        code([
          'features = spark.table("analytics.gold.customer_360").select("customer_id", "segment", "total_premium", "last_contact_date")',
          'features.write.mode("overwrite").saveAsTable("sandbox.scratch.model_features")',
        ]),
      ],
    };
  },
  'p-r-odbc-password': (rng) => {
    const pw = fakes.password(rng);
    return {
      cells: [
        md('# Loss triangles from the reserving database'),
        code(
          [
            'library(DBI)',
            'con <- dbConnect(odbc::odbc(), Driver = "ODBC Driver 18 for SQL Server",',
            '                 Server = "resv-sql02.harborpine.local", Database = "Reserving",',
            `                 UID = "svc_actuarial", PWD = "${pw}")`,
            'tri <- dbGetQuery(con, "SELECT * FROM dbo.PaidTriangle WHERE Lob = \'Auto\'")',
          ],
          undefined,
          [pos(3, 'password', 'string', pw)],
        ),
      ],
    };
  },
};

/** Languages of the planted templates (everything else is Python). */
export const PLANTED_LANGUAGE: Record<string, 'SQL' | 'SCALA' | 'R'> = {
  'p-azure-key-conf': 'SCALA',
  'p-jdbc-password': 'SQL',
  'p-sql-commented-jdbc': 'SQL',
  'p-r-odbc-password': 'R',
  'n-sql-secret-function': 'SQL',
};
