// The refresh_token grant against the workspace's token endpoint, with the same OAuth app people signed in with.
import 'server-only';
import type { AppConfig } from '../config';
import { requestToken, type IssuedToken } from '../databricks/oauth';

export function refreshAccessToken(config: AppConfig, refreshToken: string): Promise<IssuedToken> {
  const app = config.signIn.databricks;
  if (!app) throw new Error('No Databricks OAuth app is configured');
  return requestToken(config.databricks.host, app, { grant_type: 'refresh_token', refresh_token: refreshToken });
}
