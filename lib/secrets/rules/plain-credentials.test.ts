import { describe, expect, it } from 'vitest';
import { credentialReason, detectPlainCredentials, suggestKey } from './plain-credentials';

describe('credentials in plain text', () => {
  it.each([
    ['SNOWFLAKE_PASSWORD', 'Sn0w123!prod', 'Named like a password, with a literal value'],
    ['spark.hadoop.javax.jdo.option.ConnectionPassword', 'hive', 'Named like a password, with a literal value'],
    ['DB_PWD', 'x1', 'Named like a password, with a literal value'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', 'Named like a secret, with a literal value'],
    ['SALESFORCE_TOKEN', '00Dabc!AQ123', 'Named like a token, with a literal value'],
    ['HUBSPOT_API_KEY', 'pat-na1-1234abcd', 'Named like a key, with a literal value'],
    ['STRIPE_KEY', 'sk_live_abc123', 'Named like a key, with a literal value'],
    [
      'fs.azure.account.key.harborpinedatalake.dfs.core.windows.net',
      'bXlzdG9yYWdla2V5',
      'An Azure storage account key (fs.azure.account.key.*), as a literal value',
    ],
    [
      'spark.hadoop.fs.azure.account.key.acct.blob.core.windows.net',
      'bXlzdG9yYWdla2V5',
      'An Azure storage account key (fs.azure.account.key.*), as a literal value',
    ],
    ['fs.azure.sas.raw.acct.blob.core.windows.net', 'sv=2022', 'An Azure storage SAS token (fs.azure.sas.*), as a literal value'],
    ['DATABRICKS_HOST_AUTH', 'dapi0123456789abcdef0123456789abcdef', 'The value is a Databricks personal access token (dapi…)'],
    ['S3_USER', 'AKIAIOSFODNN7EXAMPLE', 'The value is an AWS access key id'],
    [
      'CONNECTION',
      'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc123==;EndpointSuffix=core.windows.net',
      'The value is a storage connection string with its account key',
    ],
    [
      'BUS',
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=',
      'The value is a connection string with a shared access key',
    ],
    ['DB_URL', 'jdbc:sqlserver://db:1433;database=claims;user=etl;password=Hunter2!', 'The value is a JDBC URL with a password in it'],
    [
      'spark.hadoop.javax.jdo.option.ConnectionURL',
      'jdbc:mysql://h/metastore?user=hive&password=hive',
      'The value is a JDBC URL with a password in it',
    ],
    ['MONGO_URI', 'mongodb+srv://app:s3cret@cluster0.example.net/db', 'The value is a URL with a password in it'],
    ['DEPLOY', '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----', 'The value is a private key'],
  ])('flags %s', (name, value, reason) => {
    expect(credentialReason(name, value)).toBe(reason);
  });

  it.each([
    ['SNOWFLAKE_PASSWORD', '{{secrets/prod-etl/snowflake-password}}'],
    ['SNOWFLAKE_PASSWORD', ' {{secrets/prod-etl/snowflake-password}} '],
    ['fs.azure.account.key.acct.dfs.core.windows.net', '{{secrets/akv-prod-keys/storage-account-key}}'],
    ['DB_URL', 'jdbc:sqlserver://db:1433;user=etl;password={{secrets/etl/db-password}}'],
    ['MONGO_URI', 'mongodb+srv://app:{{secrets/mongo/password}}@cluster0.example.net/db'],
    ['API_TOKEN', 'Bearer {{secrets/api/token}}'],
    ['POSTGRES_PASSWORD', '$POSTGRES_PASSWORD_FROM_INIT'],
    ['POSTGRES_PASSWORD', '${PGPASS}'],
    ['POSTGRES_PASSWORD', '<your-password>'],
    ['POSTGRES_PASSWORD', '********'],
    ['POSTGRES_PASSWORD', ''],
    ['PYSPARK_PYTHON', '/databricks/python3/bin/python3'],
    ['spark.sql.shuffle.partitions', 'auto'],
    ['TOKEN_URL', 'https://login.microsoftonline.com/tenant/oauth2/token'],
    ['SECRET_SCOPE', 'prod-etl'],
    ['OAUTH_TOKEN_ENDPOINT', 'https://idp/token'],
    ['spark.databricks.delta.preview.enabled', 'true'],
    ['SORT_KEY', '42'],
    ['KEYTAB_PATH', '/dbfs/keytabs/etl.keytab'],
    ['JDBC_URL', 'jdbc:postgresql://db:5432/claims'],
    ['MONKEY_BUSINESS', 'banana'],
  ])('leaves %s = %s alone', (name, value) => {
    expect(credentialReason(name, value)).toBeNull();
  });

  it('suggests a key named after the variable, or after the storage account for account keys', () => {
    expect(suggestKey('SNOWFLAKE_PASSWORD')).toBe('snowflake-password');
    expect(suggestKey('fs.azure.account.key.harborpinedatalake.dfs.core.windows.net')).toBe('harborpinedatalake-account-key');
    expect(suggestKey('fs.azure.sas.raw.acct.blob.core.windows.net')).toBe('acct-sas-token');
  });

  it('reports each flagged setting once with its place and a fix, and never the value', () => {
    const found = detectPlainCredentials([
      {
        objectType: 'cluster',
        objectId: '0101-000000-abc',
        objectName: 'claims-etl-shared',
        location: 'Environment variables',
        entries: { SNOWFLAKE_PASSWORD: 'Sn0w555!prod', PYSPARK_PYTHON: '/databricks/python3/bin/python3' },
      },
      {
        objectType: 'job',
        objectId: '42',
        objectName: 'claims-ingest',
        location: 'Task extract · Spark config',
        entries: { 'fs.azure.account.key.lake.dfs.core.windows.net': 'a2V5a2V5a2V5' },
      },
      {
        objectType: 'job',
        objectId: '42',
        objectName: 'claims-ingest',
        location: 'Task extract · Spark config',
        entries: { 'fs.azure.account.key.lake.dfs.core.windows.net': 'a2V5a2V5a2V5' },
      },
    ]);
    expect(found).toEqual([
      {
        objectType: 'cluster',
        objectId: '0101-000000-abc',
        objectName: 'claims-etl-shared',
        location: 'Environment variables',
        name: 'SNOWFLAKE_PASSWORD',
        reason: 'Named like a password, with a literal value',
        suggestion: {
          scope: 'claims-etl-shared',
          key: 'snowflake-password',
          reference: '{{secrets/claims-etl-shared/snowflake-password}}',
        },
      },
      {
        objectType: 'job',
        objectId: '42',
        objectName: 'claims-ingest',
        location: 'Task extract · Spark config',
        name: 'fs.azure.account.key.lake.dfs.core.windows.net',
        reason: 'An Azure storage account key (fs.azure.account.key.*), as a literal value',
        suggestion: { scope: 'claims-ingest', key: 'lake-account-key', reference: '{{secrets/claims-ingest/lake-account-key}}' },
      },
    ]);
    expect(JSON.stringify(found)).not.toContain('Sn0w555');
    expect(JSON.stringify(found)).not.toContain('a2V5a2V5');
  });
});
