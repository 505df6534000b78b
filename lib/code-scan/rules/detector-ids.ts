// Which detectors there are and what each is called: all the browser needs of them (lib/code-scan/rules/detectors.ts
// holds the detectors themselves, which stay on the server).
export const DETECTOR_IDS = [
  'databricks-token',
  'databricks-oauth-secret',
  'aws-access-key-id',
  'aws-secret-access-key',
  'azure-storage-account-key',
  'azure-sas-token',
  'github-token',
  'slack-webhook',
  'private-key',
  'jdbc-password',
  'password',
  'generic-secret',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

export const DETECTOR_LABELS: Record<DetectorId, string> = {
  'databricks-token': 'Databricks personal access token',
  'databricks-oauth-secret': 'Databricks OAuth secret',
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-access-key': 'AWS secret access key',
  'azure-storage-account-key': 'Azure storage account key',
  'azure-sas-token': 'Azure shared access signature',
  'github-token': 'GitHub token',
  'slack-webhook': 'Slack webhook URL',
  'private-key': 'Private key',
  'jdbc-password': 'Password in a JDBC URL',
  password: 'Password',
  'generic-secret': 'Secret assigned to a variable',
};
