import { Checkbox, Group, type CheckboxGroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { LeverCode } from '../../../shared/solution.schemas.ts';

type TopicProps = Omit<CheckboxGroupProps, 'children'>;

/** The six sectors as checkboxes (a request's topics, an expert's fields). */
export function SectorCheckboxes(props: TopicProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group {...props}>
      <Group gap="md" mt={4}>
        {SectorCode.options.map((code) => (
          <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** The systemic levers as checkboxes. */
export function LeverCheckboxes(props: TopicProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group {...props}>
      <Group gap="md" mt={4}>
        {LeverCode.options.map((code) => (
          <Checkbox key={code} value={code} label={t(`library.levers.${code}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
