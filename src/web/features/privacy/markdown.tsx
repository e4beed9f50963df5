import { List, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

/** `**bold**` within a line; everything else is plain text (never HTML). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? <strong key={i}>{part.slice(2, -2)}</strong> : <Fragment key={i}>{part}</Fragment>,
  );
}

/**
 * The small Markdown the privacy notice is written in: "## " headings (h2,
 * under the page's h1), "- " list items, paragraphs separated by a blank
 * line, and **bold**. Rendered as React elements, so no markup is injected.
 */
export function Markdown({ text }: { text: string }) {
  const blocks = text.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n').filter((l) => l.trim() !== '');
        const first = lines[0] ?? '';
        if (first.startsWith('## ')) {
          return (
            <Title key={i} order={2} size="h3" mt="lg" mb="xs">
              {first.slice(3)}
            </Title>
          );
        }
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <List key={i} spacing="xs" mb="md">
              {lines.map((l, j) => (
                <List.Item key={j}>{inline(l.slice(2))}</List.Item>
              ))}
            </List>
          );
        }
        return (
          <Text key={i} mb="md">
            {inline(lines.join(' '))}
          </Text>
        );
      })}
    </>
  );
}
