import { readFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/react';
import { Faq } from '@/components/mdx/faq';
import { Figure } from '@/components/mdx/figure';
import { LanguageLink } from '@/components/language-link';
import { illustrationSize, svgSize } from '@/lib/illustration-size';

describe('Faq', () => {
  it('is a closed disclosure whose summary is the question, with a stable anchor', () => {
    const { container } = render(
      <Faq id="what-is-2fa" question="Hva er tofaktor?">
        <p>Svar</p>
      </Faq>,
    );
    const details = container.querySelector('details');
    expect(details).toHaveAttribute('id', 'what-is-2fa');
    expect(details).not.toHaveAttribute('open');
    expect(screen.getByText('Hva er tofaktor?').tagName).toBe('SUMMARY');
  });
});

describe('Figure', () => {
  it('shows the image with its alt text and a caption', () => {
    render(<Figure src="/illustrations/en/example-qr.svg" alt="An example QR code" caption="Only an example" />);
    const image = screen.getByRole('img', { name: 'An example QR code' });
    expect(image).toHaveAttribute('src', '/illustrations/en/example-qr.svg');
    // Its box is known before the file arrives: the size the SVG itself declares.
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['640', '400']);
    expect(screen.getByRole('figure')).toHaveTextContent('Only an example');
  });
});

describe('the size an illustration declares', () => {
  it('is its width and height, else its viewBox, else nothing', () => {
    expect(svgSize('<?xml version="1.0"?><svg viewBox="0 0 640 380" width="640" height="380">')).toEqual({
      width: 640,
      height: 380,
    });
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200">')).toEqual({
      width: 320,
      height: 200,
    });
    expect(svgSize('<svg width="100%">')).toBeUndefined();
    expect(() => illustrationSize('/illustrations/en/../../package.json')).toThrow(/not an illustration path/);
  });
});

describe('LanguageLink', () => {
  it('is a plain link to the other language', () => {
    render(
      <LanguageLink href="/en/activate" hrefLang="en" lang="en" label="Read this page in English">
        English
      </LanguageLink>,
    );
    const link = screen.getByRole('link', { name: 'Read this page in English' });
    expect(link).toHaveAttribute('href', '/en/activate');
    expect(link).toHaveAttribute('hreflang', 'en');
  });

  it('carries the current step anchor over when clicked, with the guide’s script (public/keep-anchor.js)', () => {
    window.eval(readFileSync('public/keep-anchor.js', 'utf8'));
    render(
      <LanguageLink href="/en/activate" hrefLang="en" lang="en" label="Read this page in English">
        English
      </LanguageLink>,
    );
    const link = screen.getByRole<HTMLAnchorElement>('link', { name: 'Read this page in English' });
    link.addEventListener('click', (event) => event.preventDefault());
    window.location.hash = '#step-7';
    fireEvent.click(link);
    const carried = new URL(link.href);
    expect(carried.pathname + carried.hash).toBe('/en/activate#step-7');
    // Only a plain anchor name travels, never anything else a fragment might hold.
    link.setAttribute('href', '/en/activate');
    window.location.hash = '#token=abc&x=1';
    fireEvent.click(link);
    expect(link.getAttribute('href')).toBe('/en/activate');
  });
});
