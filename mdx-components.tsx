import type { ComponentProps } from 'react';
import type { MDXComponents } from 'mdx/types';
import { ResetStart } from '@/components/reset-start';
import { ServiceDesk } from '@/components/service-desk';
import { AccessibilityCriteria, CriteriaCount } from '@/components/mdx/accessibility-criteria';
import { Callout } from '@/components/mdx/callout';
import { Faq } from '@/components/mdx/faq';
import { Figure } from '@/components/mdx/figure';
import { SectionHeading, SubsectionHeading } from '@/components/mdx/heading';
import { GuideLink, NextStep } from '@/components/mdx/guide-link';
import { guideFacts } from '@/components/mdx/guide-facts';
import { Step, Steps } from '@/components/mdx/steps';
import { getBuildSettings } from '@/lib/config';

// The building blocks guides may use without importing them.
const guideComponents = {
  h2: SectionHeading,
  h3: SubsectionHeading,
  Steps,
  Step,
  Figure,
  Callout,
  Faq,
  NextStep,
  GuideLink,
  AccessibilityCriteria,
  CriteriaCount,
};

// Guides are prerendered: the blocks that state a setting get the build settings, never the server's secrets.
function withSettings() {
  const settings = getBuildSettings();
  return {
    ...guideFacts(settings),
    ServiceDesk: (props: Omit<ComponentProps<typeof ServiceDesk>, 'url'>) => (
      <ServiceDesk {...props} url={settings.serviceDeskUrl} />
    ),
    ResetStart: () => <ResetStart loginLevel={settings.idportenAcr} />,
  };
}

export function useMDXComponents(components: MDXComponents = {}): MDXComponents {
  return { ...components, ...guideComponents, ...withSettings() } as MDXComponents;
}
