// Notebooks that only look as if they hold credentials and must not be reported: secret-scope lookups,
// {{secrets/…}} references, the SQL secret() function, placeholders, test fixtures, AWS's documented example keys,
// runtime lookups and checksums. Each such line carries a 'near-miss' mark.
import { code, md, type CellMark } from './notebook-source';
import type { Drafted } from './notebook-templates-python';
import type { Rng } from './random';

const near = (at: number, kind: string, note: string): CellMark => ({ at, kind, category: 'near-miss', note });

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
