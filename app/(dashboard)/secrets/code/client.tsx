'use client';
import { CredentialsInCode, type CredentialsInCodeProps } from '@/components/code-scan/credentials-in-code';
import { SecretsTabs } from '@/components/secrets/secrets-tabs';
import { PageHeader } from '@/components/ui/page-header';

// The "Credentials in code" view of Secrets: the same heading and tabs as /secrets, then the scan.
export function CodeScanClient(props: CredentialsInCodeProps) {
  return (
    <>
      <PageHeader
        title="Secrets"
        description="Credentials written into notebooks and workspace files: found by scans that read only what changed, shown masked, with who owns each and how to move it into a scope."
      />
      <div className="space-y-5">
        <SecretsTabs current="code" />
        <CredentialsInCode {...props} />
      </div>
    </>
  );
}
