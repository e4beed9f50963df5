import type { Highs, Model } from 'highs';
import { reason } from '../../shared/reason-texts.ts';
import { resultFromPairs, type MatchingResult } from './matching-result.ts';
import { countryKey, type PreparedMatching } from './prepare-matching.ts';
import { chooseScoreScale } from './score-scaling.ts';

// The matching as a linear program for HiGHS: one column per candidate pair
// (0 ≤ x ≤ 1), rows "applicant ≤ 1", "[host, country] ≤ room" and
// "host ≤ free capacity". Both constraint families on the host side are
// laminar, so the matrix is totally unimodular and the LP optimum is
// integral: HiGHS then cross-checks the flow solver. A CO2 budget row breaks
// that structure, so with `maxTotalCo2Kg` the columns become integer (MIP)
// and HiGHS reports its optimality gap.
//
// The domain stays free of I/O: the caller loads the WebAssembly runtime
// (`import highsLoader from 'highs'`) and passes it in.

const MIP_TIME_LIMIT_SECONDS = 60;

interface LpRows {
  lower: number[];
  upper: number[];
}

/** Solves a prepared instance with HiGHS (LP, or MIP with a CO2 budget). */
export function solveWithHighs(highs: Highs, prepared: PreparedMatching): MatchingResult {
  const { instance, candidatePairs, lockedPairs, pairApplicant, pairHost } = prepared;
  const { rules, pairs } = instance;
  const isMip = rules.maxTotalCo2Kg !== undefined;

  let co2Budget = Infinity;
  if (rules.maxTotalCo2Kg !== undefined) {
    const lockedCo2 = lockedPairs.reduce((sum, p) => sum + (pairs[p]!.co2Kg ?? 0), 0);
    if (lockedCo2 > rules.maxTotalCo2Kg) {
      return { status: 'infeasible', reason: reason('MATCHING_LOCKS_OVER_CO2', { co2: round(lockedCo2), budget: rules.maxTotalCo2Kg }) };
    }
    co2Budget = rules.maxTotalCo2Kg - lockedCo2;
  }

  // Row numbering: applicants, then hosts, then [host, country], then CO2.
  const rowOf = new Map<string, number>();
  const rows: LpRows = { lower: [], upper: [] };
  const addRow = (key: string, upper: number): number => {
    let r = rowOf.get(key);
    if (r === undefined) {
      r = rows.upper.length;
      rowOf.set(key, r);
      rows.lower.push(-highs.infinity);
      rows.upper.push(upper);
    }
    return r;
  };
  const countryRule = rules.maxPerCountryPerHost;
  const countryCount = prepared.countryNames.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const p of candidatePairs) {
    const a = pairApplicant[p]!;
    const h = pairHost[p]!;
    const entries: [number, number][] = [
      [addRow(`a${a}`, 1), 1],
      [addRow(`h${h}`, prepared.freeCapacity[h]!), 1],
    ];
    if (countryRule !== undefined) {
      const key = countryKey(h, prepared.applicantCountry[a]!, countryCount);
      entries.push([addRow(`c${key}`, prepared.countryRoom.get(key) ?? countryRule), 1]);
    }
    const co2 = pairs[p]!.co2Kg ?? 0;
    if (isMip && co2 > 0) entries.push([addRow('co2', co2Budget), co2]);
    entries.sort((x, y) => x[0] - y[0]);
    for (const [row, value] of entries) {
      indices.push(row);
      values.push(value);
    }
    starts.push(indices.length);
  }
  const columnCount = candidatePairs.length;
  const scores = candidatePairs.map((p) => pairs[p]!.score);

  const solveOnce = (objective: readonly number[], atLeastPlaced: number | undefined) => {
    // HiGHS does not "solve" an empty model; nothing to choose means nobody placed.
    if (columnCount === 0) return { values: new Float64Array(0), proven: true, gap: 0 };
    const extraRow = atLeastPlaced === undefined ? 0 : 1;
    const rowCount = rows.upper.length + extraRow;
    let colStarts = starts;
    let colIndices = indices;
    let colValues = values;
    if (atLeastPlaced !== undefined) {
      // Every column gets a 1 in the last row: Σ x ≥ placed.
      colStarts = [0];
      colIndices = [];
      colValues = [];
      for (let j = 0; j < columnCount; j++) {
        for (let k = starts[j]!; k < starts[j + 1]!; k++) {
          colIndices.push(indices[k]!);
          colValues.push(values[k]!);
        }
        colIndices.push(rowCount - 1);
        colValues.push(1);
        colStarts.push(colIndices.length);
      }
    }
    const model = highs.createModel({
      numCols: columnCount,
      numRows: rowCount,
      sense: highs.constants.objectiveSense.maximize,
      colCost: objective,
      colLower: new Float64Array(columnCount),
      colUpper: new Float64Array(columnCount).fill(1),
      rowLower: atLeastPlaced === undefined ? rows.lower : [...rows.lower, atLeastPlaced - 0.5],
      rowUpper: atLeastPlaced === undefined ? rows.upper : [...rows.upper, highs.infinity],
      matrix: { format: 'csc', numRows: rowCount, numCols: columnCount, starts: colStarts, indices: colIndices, values: colValues },
      ...(isMip ? { integrality: new Int32Array(columnCount).fill(highs.constants.variableType.integer) } : {}),
    });
    try {
      model.options.set({ output_flag: false, mip_rel_gap: 0, time_limit: MIP_TIME_LIMIT_SECONDS });
      model.run();
      return readSolution(highs, model, isMip);
    } finally {
      model.dispose();
    }
  };

  let placedAtLeast: number | undefined;
  if (rules.placeAsManyAsPossible) {
    const first = solveOnce(new Array<number>(columnCount).fill(1), undefined);
    if (first === undefined) return { status: 'infeasible', reason: reason('MATCHING_NO_FEASIBLE') };
    placedAtLeast = Math.round(first.values.reduce((s, x) => s + x, 0));
  }
  const solution = solveOnce(scores, placedAtLeast);
  if (solution === undefined) return { status: 'infeasible', reason: reason('MATCHING_NO_FEASIBLE') };

  const chosen = new Int32Array(instance.applicants.length).fill(-1);
  candidatePairs.forEach((p, j) => {
    if (solution.values[j]! > 0.5) chosen[pairApplicant[p]!] = p;
  });
  const scale = chooseScoreScale(
    pairs.map((p) => p.score),
    instance.applicants.length + instance.hosts.length + 2,
  );
  const result = resultFromPairs(prepared, chosen, scale);
  return isMip ? { ...result, status: solution.proven ? 'optimal' : 'feasible', gap: solution.gap } : result;
}

function readSolution(
  highs: Highs,
  model: Model,
  isMip: boolean,
): { values: Float64Array; proven: boolean; gap: number } | undefined {
  const status = model.getModelStatus();
  const codes = highs.constants.modelStatus;
  if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return undefined;
  if (status !== codes.optimal && model.info.get('primal_solution_status') !== 2) {
    // Stopped (time limit) without a feasible point: nothing to report.
    return undefined;
  }
  const values = model.getSolution().colValue;
  if (values.length === 0) return undefined;
  const proven = status === codes.optimal;
  let gap = 0;
  if (isMip) {
    const reported = model.info.get('mip_gap');
    gap = typeof reported === 'number' && Number.isFinite(reported) ? Math.max(0, reported) : Infinity;
    if (proven) gap = 0;
  }
  return { values, proven, gap };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
