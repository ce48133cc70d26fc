'use client';
// The error page is a client component (Next's error boundary); the server passes it its few strings
// this way, so no message bundle or i18n runtime ships to the browser for it.
import { createContext, useContext, type ReactNode } from 'react';

export type ErrorTexts = {
  title: string;
  text: string;
  tryAgain: string;
  reference: string;
  serviceDesk: string;
  serviceDeskUrl: string;
  home: string;
  homeHref: string;
};

const ErrorTextsContext = createContext<ErrorTexts | null>(null);

/** Makes the localized error-page strings available to app/[locale]/error.tsx. */
export function ErrorTextsProvider(props: { texts: ErrorTexts; children: ReactNode }) {
  return <ErrorTextsContext.Provider value={props.texts}>{props.children}</ErrorTextsContext.Provider>;
}

export function useErrorTexts(): ErrorTexts | null {
  return useContext(ErrorTextsContext);
}
