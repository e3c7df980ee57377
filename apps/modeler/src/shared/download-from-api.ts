import { ApiError } from './api-error.js';
import { authorizedFetch } from './authorized-fetch.js';

/**
 * Downloads a file from `/api` with the bearer token: a plain link cannot send the
 * Authorization header, so the file is fetched and handed to the browser as a blob. The name
 * comes from the server's Content-Disposition (it knows the period), else `fallbackName`.
 */
export async function downloadFromApi(path: string, accept: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await authorizedFetch(path, { headers: { Accept: accept } });
  } catch (error) {
    throw new ApiError(0, { message: (error as Error).message || 'Network error' });
  }
  if (!response.ok) {
    const text = await response.text();
    let body: { message?: string } = { message: text || response.statusText };
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    throw new ApiError(response.status, { statusCode: response.status, ...body });
  }
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
