import { Anchor } from '@mantine/core';

// http(s) URLs up to the next whitespace; trailing punctuation belongs to the sentence.
const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

/**
 * Plain text with its web addresses as links. The text is never parsed as
 * HTML: it is split on URLs and each piece rendered as a React text node or
 * an anchor, so an email body cannot inject markup.
 */
export function LinkifiedText({ text }: { text: string }) {
  // split() with a capturing group keeps the URLs at odd indexes.
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part} rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}
