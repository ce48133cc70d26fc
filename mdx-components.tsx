import type { MDXComponents } from 'mdx/types';
import { ResetStart } from '@/components/reset-start';
import { ServiceDesk } from '@/components/service-desk';
import { AccessibilityCriteria, CriteriaCount } from '@/components/mdx/accessibility-criteria';
import { Callout } from '@/components/mdx/callout';
import { Faq } from '@/components/mdx/faq';
import { Figure } from '@/components/mdx/figure';
import { SectionHeading, SubsectionHeading } from '@/components/mdx/heading';
import { GuideLink, NextStep } from '@/components/mdx/guide-link';
import {
  AccessibilityFeedback,
  ForLoginLevel,
  ResetAddress,
  ServiceDeskVisit,
  UustatusLink,
  VideoGuide,
} from '@/components/mdx/guide-facts';
import { Step, Steps } from '@/components/mdx/steps';

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
  ServiceDesk,
  ResetStart,
  ResetAddress,
  VideoGuide,
  ForLoginLevel,
  ServiceDeskVisit,
  AccessibilityFeedback,
  UustatusLink,
  AccessibilityCriteria,
  CriteriaCount,
};

export function useMDXComponents(components: MDXComponents = {}): MDXComponents {
  return { ...components, ...guideComponents } as MDXComponents;
}
