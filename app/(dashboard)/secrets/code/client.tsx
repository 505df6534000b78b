'use client';
import { CredentialsInCode, type CredentialsInCodeProps } from '@/components/code-scan/credentials-in-code';
import { PageHeader } from '@/components/ui/page-header';

// Until this view becomes the "Credentials in code" tab of /secrets, the page carries the Secrets heading itself.
export function CodeScanClient(props: CredentialsInCodeProps) {
  return (
    <>
      <PageHeader title="Secrets" />
      <CredentialsInCode {...props} />
    </>
  );
}
