// Notebooks that hold hard-coded credentials (positives) in the places people put them, and notebooks that only
// look as if they do (near-misses: secret-scope lookups, {{secrets/…}} references, placeholders, test fixtures,
// documented example keys, checksums). Every such line carries a mark, so the test-facing description in
// notebook-secrets.ts is derived from the very content the simulator serves.
import { fakes } from './notebook-fakes';
import { code, md, type CellMark } from './notebook-source';
import type { Drafted } from './notebook-templates-python';
import type { Rng } from './random';

const pos = (at: number, kind: string, note: string, value: string): CellMark => ({ at, kind, category: 'positive', note, value });
const near = (at: number, kind: string, note: string): CellMark => ({ at, kind, category: 'near-miss', note });

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

export const nearMisses: Record<string, (rng: Rng) => Drafted> = {
  'n-secrets-get': (rng) => ({
    cells: [
      md('# Claims ingest: extract'),
      code(
        [
          'import requests',
          '',
          'api_token = dbutils.secrets.get(scope="prod-etl", key="claims-api-token")',
          `resp = requests.get("https://claims-api.harborpine.com/v2/claims?since=${rng.int(1, 7)}d", headers={"Authorization": f"Bearer {api_token}"})`,
          'spark.createDataFrame(resp.json()["items"]).write.mode("append").saveAsTable("analytics.bronze.raw_claims")',
        ],
        undefined,
        [near(2, 'databricks-token', 'secret-scope-lookup')],
      ),
    ],
  }),
  'n-secret-reference': () => ({
    cells: [
      md('# Job cluster spec', 'Deploys the shared job cluster definition; keys come from the Key Vault-backed scope.'),
      code(
        [
          'spark_conf = {',
          '    "spark.hadoop.fs.azure.account.key.harborpinedatalake.dfs.core.windows.net": "{{secrets/akv-prod-keys/storage-account-key}}",',
          '    "spark.sql.shuffle.partitions": "auto",',
          '}',
          'env = {"SNOWFLAKE_PASSWORD": "{{secrets/prod-etl/snowflake-password}}"}',
        ],
        undefined,
        [near(1, 'azure-storage-account-key', 'secret-reference'), near(4, 'password', 'secret-reference')],
      ),
    ],
  }),
  'n-placeholders': () => ({
    cells: [
      md('# Connect from your laptop', 'Fill in your own values locally; never paste real ones here.'),
      code(
        [
          'DATABRICKS_HOST = "https://<your-workspace>.azuredatabricks.net"',
          'DATABRICKS_TOKEN = "<your-token>"',
          'SQL_PASSWORD = "<password>"',
          'SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"',
        ],
        undefined,
        [near(1, 'databricks-token', 'placeholder'), near(2, 'password', 'placeholder'), near(3, 'slack-webhook', 'placeholder')],
      ),
    ],
  }),
  'n-test-fixtures': () => ({
    cells: [
      md('# Test fixtures', 'Fake values for the pipeline unit tests. Not credentials.'),
      code(
        [
          'FIXTURE_DATABRICKS_TOKEN = "dapi1234567890abcdef1234567890abcdef"',
          'FIXTURE_AWS_ACCESS_KEY_ID = "AKIAFIXTUREFIXTURE00"',
          'FIXTURE_JDBC_URL = "jdbc:postgresql://localhost:5432/test?user=test&password=test"',
        ],
        undefined,
        [
          near(0, 'databricks-token', 'test-fixture'),
          near(1, 'aws-access-key-id', 'test-fixture'),
          near(2, 'jdbc-password', 'test-fixture'),
        ],
      ),
    ],
  }),
  'n-documented-example': () => ({
    cells: [
      md('# Reading from S3', 'Use an instance profile. The keys below are the example values from the AWS documentation.'),
      code(
        [
          '# Do not do this; shown for comparison only.',
          '# aws_access_key_id="AKIAIOSFODNN7EXAMPLE"',
          '# aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
          'df = spark.read.json("s3a://harborpine-public-samples/claims/")',
        ],
        undefined,
        [near(1, 'aws-access-key-id', 'documented-example'), near(2, 'aws-secret-access-key', 'documented-example')],
      ),
    ],
  }),
  'n-runtime-lookup': () => ({
    cells: [
      md('# Snowflake login check'),
      code(
        [
          'import os, getpass',
          '',
          'password = os.environ.get("SNOWFLAKE_PASSWORD") or getpass.getpass("Snowflake password: ")',
          'token = dbutils.notebook.entry_point.getDbutils().notebook().getContext().apiToken().get()',
        ],
        undefined,
        [near(2, 'password', 'runtime-lookup'), near(3, 'databricks-token', 'runtime-lookup')],
      ),
    ],
  }),
  'n-jdbc-secret': () => ({
    cells: [
      md('# Revenue roll-up'),
      code(
        [
          'pw = dbutils.secrets.get("finance-reporting", "sql-password")',
          'url = f"jdbc:sqlserver://fin-sql01.harborpine.local:1433;databaseName=Finance;user=svc_fin_ro;password={pw}"',
          'spark.read.jdbc(url, "dbo.RevenueMonthly").write.mode("overwrite").saveAsTable("finance.reporting.revenue_monthly")',
        ],
        undefined,
        [near(1, 'jdbc-password', 'secret-scope-lookup')],
      ),
    ],
  }),
  'n-sql-secret-function': () => ({
    cells: [
      md('# GL reconciliation transform'),
      code(
        [
          'CREATE OR REPLACE TEMP VIEW erp_gl',
          'USING org.apache.spark.sql.jdbc',
          'OPTIONS (',
          "  url 'jdbc:sqlserver://erp-sql01.harborpine.local:1433;databaseName=ERP',",
          "  user secret('finance-reporting', 'sql-user'),",
          "  password secret('finance-reporting', 'sql-password'),",
          "  dbtable 'dbo.GeneralLedger'",
          ')',
        ],
        undefined,
        [near(5, 'password', 'secret-function')],
      ),
    ],
  }),
  'n-checksums': (rng) => ({
    cells: [
      md('# Vendor file checks'),
      code([`EXPECTED_SHA256 = "${rng.hex(64)}"`, `PINNED_COMMIT = "${rng.hex(40)}"`, `REQUEST_ID = "${rng.uuid()}"`], undefined, [
        near(0, 'generic-secret', 'checksum'),
        near(1, 'generic-secret', 'commit-hash'),
        near(2, 'generic-secret', 'identifier'),
      ]),
    ],
  }),
};

/** Languages of the planted templates (everything else is Python). */
export const PLANTED_LANGUAGE: Record<string, 'SQL' | 'SCALA' | 'R'> = {
  'p-azure-key-conf': 'SCALA',
  'p-jdbc-password': 'SQL',
  'p-sql-commented-jdbc': 'SQL',
  'p-r-odbc-password': 'R',
  'n-sql-secret-function': 'SQL',
};
