// The article illustrations (1600×900), one module a scene, in the order the script writes them: the
// file name of each is `src/assets/articles/<name>.jpg`.

import russiaSyriaSovereignty from './russia-syria-sovereignty.mjs';
import waterSavingPlan from './water-saving-plan.mjs';
import metroGreenLine from './metro-green-line.mjs';
import solarPlant from './solar-plant.mjs';
import dateHarvest from './date-harvest.mjs';
import portExpansion from './port-expansion.mjs';
import cupFinal from './cup-final.mjs';
import cityMarathon from './city-marathon.mjs';
import bookFair from './book-fair.mjs';
import museumReopening from './museum-reopening.mjs';
import filmFestival from './film-festival.mjs';
import smartIrrigationApp from './smart-irrigation-app.mjs';
import fiveGNetworkTrial from './5g-network-trial.mjs';

/** Each scene's file name, and the function that draws it as SVG. */
export const scenes = {
  'russia-syria-sovereignty': russiaSyriaSovereignty,
  'water-saving-plan': waterSavingPlan,
  'metro-green-line': metroGreenLine,
  'solar-plant': solarPlant,
  'date-harvest': dateHarvest,
  'port-expansion': portExpansion,
  'cup-final': cupFinal,
  'city-marathon': cityMarathon,
  'book-fair': bookFair,
  'museum-reopening': museumReopening,
  'film-festival': filmFestival,
  'smart-irrigation-app': smartIrrigationApp,
  '5g-network-trial': fiveGNetworkTrial,
};
