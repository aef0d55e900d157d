// GeoJSON: a map of the article's places, one Point feature per placed mention (RFC 7946: [lon, lat]).
// Several documents: one FeatureCollection, each feature naming its file.
import type { Exporter } from './document';

export const geojsonExporter: Exporter = {
  id: 'geojson',
  label: 'GeoJSON (a map of the places)',
  extension: 'geojson',
  render(docs) {
    const features = [];
    for (const d of docs) {
      for (const a of d.annotations) {
        if (!a.place) continue;
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [a.place.lon, a.place.lat] },
          properties: {
            file: d.file, id: a.id, text: a.text, start: a.start, end: a.end, category: a.category,
            placeId: a.place.id, name: a.place.name, kind: a.place.kind, country: a.place.country, source: a.place.source,
            ...(a.actor ? { actor: a.actor.name, actorType: a.actor.type } : {}),
          },
        });
      }
    }
    return JSON.stringify({ type: 'FeatureCollection', features }, null, 2) + '\n';
  },
};
