// Text that wraps between words but never inside an identifier: an e-mail address, an IP, a scope/key, a
// `token:…` reference or a hyphenated name stays on one line (browsers would otherwise break at a hyphen or slash).
const IDENTIFIER = /[-/:@.]/;

export function Words({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\s+)/).map((part, i) =>
        IDENTIFIER.test(part) ? (
          <span key={i} className="whitespace-nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** A `kind:id` reference: may break after the colon, nowhere else. */
export function Reference({ value }: { value: string }) {
  const colon = value.indexOf(':');
  if (colon < 0) return <span className="whitespace-nowrap">{value}</span>;
  return (
    <>
      <span className="whitespace-nowrap">{value.slice(0, colon + 1)}</span>
      <wbr />
      <span className="whitespace-nowrap">{value.slice(colon + 1)}</span>
    </>
  );
}
