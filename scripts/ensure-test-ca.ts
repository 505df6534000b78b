// `tsx scripts/ensure-test-ca.ts`: creates the test run's simulator CA (before vitest/Playwright start with
// NODE_EXTRA_CA_CERTS pointing at it).
import { ensureTestCa } from '../testing/test-ca';

void ensureTestCa().then((pem) => process.stdout.write(`test CA: ${pem}\n`));
