// Export formats, one module each. Adding one: write a module exporting an Exporter, add it here; the
// CLI's --format and the extension's export command list what is registered.
import type { Exporter } from './document';
import { csvExporter } from './csv';
import { geojsonExporter } from './geojson';
import { jsonExporter } from './json';

export const exporters: readonly Exporter[] = [jsonExporter, csvExporter, geojsonExporter];

export function exporterFor(id: string): Exporter | undefined {
  return exporters.find(e => e.id === id);
}
