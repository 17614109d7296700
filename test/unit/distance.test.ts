import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundingBox, haversineKm, roundKm } from '../../server/directory/search/distance.js';

const BAGHDAD = { lat: 33.3152, lng: 44.3661 };
const BASRAH = { lat: 30.5085, lng: 47.7804 };
const ERBIL = { lat: 36.1911, lng: 44.0092 };

describe('great-circle distance', () => {
  it('Baghdad → Basrah is about 447 km, Baghdad → Erbil about 321 km', () => {
    assert.ok(Math.abs(haversineKm(BAGHDAD, BASRAH) - 447) < 2, String(haversineKm(BAGHDAD, BASRAH)));
    assert.ok(Math.abs(haversineKm(BAGHDAD, ERBIL) - 321) < 3, String(haversineKm(BAGHDAD, ERBIL)));
  });

  it('is symmetric, zero for the same point, and half the circumference for antipodes', () => {
    assert.equal(haversineKm(BAGHDAD, BASRAH), haversineKm(BASRAH, BAGHDAD));
    assert.equal(haversineKm(ERBIL, ERBIL), 0);
    assert.ok(Math.abs(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 }) - 20015) < 1);
  });

  it('rounds to 100 m', () => {
    assert.equal(roundKm(446.9649), 447);
    assert.equal(roundKm(0.04), 0);
    assert.equal(roundKm(12.345), 12.3);
  });
});

describe('bounding box pre-filter', () => {
  it('contains every point within the radius, in every direction', () => {
    for (const radius of [1, 25, 100, 500]) {
      const box = boundingBox(BAGHDAD, radius);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        // A point at `radius` km along `bearing` (destination formula on the sphere).
        const R = 6371.0088;
        const δ = (radius * 0.999) / R;
        const θ = (bearing * Math.PI) / 180;
        const φ1 = (BAGHDAD.lat * Math.PI) / 180;
        const λ1 = (BAGHDAD.lng * Math.PI) / 180;
        const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
        const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
        const p = { lat: (φ2 * 180) / Math.PI, lng: (λ2 * 180) / Math.PI };
        assert.ok(haversineKm(BAGHDAD, p) <= radius);
        assert.ok(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng, `${radius} km at ${bearing}°`);
      }
    }
  });

  it('stays a valid box near the poles', () => {
    const box = boundingBox({ lat: 89.9, lng: 10 }, 100);
    assert.equal(box.maxLat, 90);
    assert.ok(box.minLng >= -180 && box.maxLng <= 180);
  });
});
