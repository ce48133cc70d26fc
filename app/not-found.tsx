import nb from '@/messages/nb.json';
import './globals.css';

// Only reached by paths the proxy does not handle; the proxy sends unknown locales to the localized
// 404 page. Static on purpose: anything request-bound here would make every page dynamic.
export default function RootNotFound() {
  return (
    <html lang="nb">
      <head>
        <title>{`${nb.NotFound.title} – ${nb.Site.name}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <main id="main" className="mx-auto max-w-3xl px-4 py-12">
          <h1 className="text-3xl font-bold">{nb.NotFound.title}</h1>
          <p className="mt-4">{nb.NotFound.description}</p>
          <p className="mt-4">
            <a href="/nb">{nb.NotFound.home}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
