import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { guideFacts } from '@/components/mdx/guide-facts';
import { parse } from '@/lib/config';

const baseEnv = Object.fromEntries(
  readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** The guide facts as mdx-components.tsx binds them, to the build settings of this environment. */
function factsWith(env: Record<string, string>): ReturnType<typeof guideFacts> {
  const result = parse('build', { ...baseEnv, ...env });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return guideFacts(result.config);
}

describe('guide facts from settings', () => {
  it('leaves out the video guide when unset, and says the statement is not yet on uustatus.no', () => {
    const { VideoGuide, UustatusLink } = factsWith({ VIDEO_GUIDE_URL: '', UUSTATUS_URL: '' });
    const { container } = render(
      <>
        <VideoGuide>Video</VideoGuide>
        <UustatusLink unset="Not yet published">Uustatus</UustatusLink>
      </>,
    );
    expect(container).toHaveTextContent(/^Not yet published$/);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('links the video guide, the uustatus statement and the reset address when they are set', () => {
    const { VideoGuide, UustatusLink, ResetAddress } = factsWith({
      VIDEO_GUIDE_URL: 'https://video.example.org/tofaktor',
      UUSTATUS_URL: 'https://uustatus.no/nb/erklaringer/publisert/example',
      RESET_ADDRESS: 'https://reset.example.org',
    });
    render(
      <>
        <VideoGuide>Video</VideoGuide>
        <UustatusLink unset="Not yet published">Uustatus</UustatusLink>
        <ResetAddress />
      </>,
    );
    expect(screen.getByRole('link', { name: 'Video' })).toHaveAttribute('href', 'https://video.example.org/tofaktor');
    expect(screen.getByRole('link', { name: 'Uustatus' })).toHaveAttribute(
      'href',
      'https://uustatus.no/nb/erklaringer/publisert/example',
    );
    expect(screen.getByRole('link', { name: 'reset.example.org' })).toHaveAttribute(
      'href',
      'https://reset.example.org',
    );
  });

  it.each([
    ['idporten-loa-substantial', 'MinID works'],
    ['idporten-loa-high', 'MinID is refused'],
  ])('with IDPORTEN_ACR=%s shows only the text for that level', (acr, expected) => {
    const { ForLoginLevel } = factsWith({ IDPORTEN_ACR: acr });
    const { container } = render(
      <>
        <ForLoginLevel level="idporten-loa-substantial">MinID works</ForLoginLevel>
        <ForLoginLevel level="idporten-loa-high">MinID is refused</ForLoginLevel>
      </>,
    );
    expect(container).toHaveTextContent(new RegExp(`^${expected}$`));
  });

  it('sends accessibility feedback to its own contact (showing an e-mail address), or to the service desk when unset', () => {
    const own = factsWith({ ACCESSIBILITY_FEEDBACK_URL: 'mailto:uu@example.org' });
    const fallback = factsWith({ ACCESSIBILITY_FEEDBACK_URL: '', SERVICE_DESK_URL: 'https://desk.example.org/' });
    render(
      <>
        <own.AccessibilityFeedback>Own</own.AccessibilityFeedback>
        <fallback.AccessibilityFeedback>Desk</fallback.AccessibilityFeedback>
      </>,
    );
    expect(screen.getByRole('link', { name: 'Own (uu@example.org)' })).toHaveAttribute('href', 'mailto:uu@example.org');
    expect(screen.getByRole('link', { name: 'Desk' })).toHaveAttribute('href', 'https://desk.example.org/');
  });

  it('links the statement\'s "Tell us" in every language to the feedback contact', () => {
    const { AccessibilityFeedback } = factsWith({ ACCESSIBILITY_FEEDBACK_URL: 'https://uu.example.org/feedback' });
    for (const locale of ['nb', 'nn', 'en']) {
      const source = readFileSync(path.join(__dirname, '..', '..', 'content', locale, 'accessibility.mdx'), 'utf8');
      const text = source.match(/<AccessibilityFeedback>([^<]+)<\/AccessibilityFeedback>/)?.[1];
      expect([locale, typeof text]).toEqual([locale, 'string']);
      const { unmount } = render(<AccessibilityFeedback>{text}</AccessibilityFeedback>);
      expect(screen.getByRole('link', { name: text })).toHaveAttribute('href', 'https://uu.example.org/feedback');
      unmount();
    }
  });
});
