/** Lets the user pick a `.bpmn` file and resolves with its name and text (null if cancelled). */
export function pickBpmnFile(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    input.value = '';
    input.onchange = async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, text: await file.text() } : null);
    };
    input.oncancel = () => resolve(null);
    input.click();
  });
}

/** Saves text as a download, the way the browser saves any file. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // give the download a moment to start before releasing the blob
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "C.1.0.bpmn" → "C.1.0"; an id or a name turned into a safe file name. */
export function baseName(name: string): string {
  const withoutExtension = name.replace(/\.(bpmn|xml|svg)$/i, '');
  return withoutExtension.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'quy-trinh';
}
