// Dense linear assignment (Jonker–Volgenant shortest augmenting paths).
//
// Used for plain assignment instances (every pair listed, capacity 1, no
// rules), where a dense row scan over a Float64Array beats the general
// min-cost-flow graph. Minimises cost; rows ≤ columns; every row is assigned.
//
// Square matrices get JV's initialisation (column reduction, then augmenting
// row reduction), which assigns most rows cheaply; the rest get one
// Dijkstra-like shortest augmenting path each, O(n²) per row at worst.
// Rectangular matrices skip the initialisation because its duals are only
// valid when every column ends up assigned.

/** Solves min Σ cost[i][x[i]] over injective x; returns x (row → column). */
export function solveDenseAssignment(cost: Float64Array, rows: number, cols: number): Int32Array {
  if (rows > cols) throw new Error('dense assignment needs rows ≤ columns');
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const v = new Float64Array(cols);
  const free: number[] = [];
  if (rows === cols && rows > 0) {
    initialiseSquare(cost, rows, rowToCol, colToRow, v, free);
  } else {
    for (let i = rows - 1; i >= 0; i--) free.push(i);
  }
  augmentRows(cost, cols, free, rowToCol, colToRow, v);
  return rowToCol;
}

function initialiseSquare(
  cost: Float64Array,
  n: number,
  rowToCol: Int32Array,
  colToRow: Int32Array,
  v: Float64Array,
  free: number[],
): void {
  // Column reduction: v[j] = min over rows; give column j to its minimising
  // row if that row has nothing yet (columns taken last to first, as JV does).
  // Minima are found row by row: a column-wise scan strides through memory.
  const argMin = new Int32Array(n);
  v.fill(Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = cost[base + j]!;
      if (c < v[j]!) {
        v[j] = c;
        argMin[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const iMin = argMin[j]!;
    matches[iMin]!++;
    if (matches[iMin] === 1) {
      rowToCol[iMin] = j;
      colToRow[j] = iMin;
    }
  }
  // Reduction transfer: a row that won exactly one column passes the slack of
  // its second-best column into that column's dual, making it cheaper for others.
  const unassignedRows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      unassignedRows.push(i);
    } else if (matches[i] === 1) {
      const j1 = rowToCol[i]!;
      let min = Infinity;
      const base = i * n;
      for (let j = 0; j < n; j++) {
        if (j === j1) continue;
        const h = cost[base + j]! - v[j]!;
        if (h < min) min = h;
      }
      if (min !== Infinity) v[j1]! -= min;
    }
  }
  // Augmenting row reduction, twice (as in JV's paper): each free row takes its
  // best column, bumping the holder if the two best reduced costs differ.
  let list = unassignedRows;
  for (let pass = 0; pass < 2 && list.length > 0; pass++) {
    const next: number[] = [];
    let k = 0;
    while (k < list.length) {
      const i = list[k++]!;
      const base = i * n;
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = -1;
      let j2 = -1;
      for (let j = 0; j < n; j++) {
        const h = cost[base + j]! - v[j]!;
        if (h < u2) {
          if (h >= u1) {
            u2 = h;
            j2 = j;
          } else {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = j;
          }
        }
      }
      let i0 = colToRow[j1]!;
      if (u1 < u2) {
        v[j1] = v[j1]! - (u2 - u1);
      } else if (i0 >= 0 && j2 >= 0) {
        j1 = j2;
        i0 = colToRow[j1]!;
      }
      if (i0 >= 0) {
        if (u1 < u2) list[--k] = i0;
        else next.push(i0);
        rowToCol[i0] = -1;
      }
      rowToCol[i] = j1;
      colToRow[j1] = i;
    }
    list = next;
  }
  for (let i = n - 1; i >= 0; i--) if (rowToCol[i]! < 0) free.push(i);
}

function augmentRows(
  cost: Float64Array,
  cols: number,
  free: number[],
  rowToCol: Int32Array,
  colToRow: Int32Array,
  v: Float64Array,
): void {
  const d = new Float64Array(cols);
  const pred = new Int32Array(cols);
  const order = new Int32Array(cols);
  while (free.length > 0) {
    const f = free.pop()!;
    const base = f * cols;
    for (let j = 0; j < cols; j++) {
      d[j] = cost[base + j]! - v[j]!;
      pred[j] = f;
      order[j] = j;
    }
    // order[0, ready) are scanned, [ready, todo) hold the current minimum,
    // [todo, cols) are still to be scanned.
    let ready = 0;
    let todo = 0;
    let min = 0;
    let end = -1;
    while (end < 0) {
      if (ready === todo) {
        min = d[order[todo]!]!;
        todo++;
        for (let k = todo; k < cols; k++) {
          const j = order[k]!;
          const h = d[j]!;
          if (h <= min) {
            if (h < min) {
              todo = ready;
              min = h;
            }
            order[k] = order[todo]!;
            order[todo++] = j;
          }
        }
        for (let k = ready; k < todo; k++) {
          if (colToRow[order[k]!]! < 0) {
            end = order[k]!;
            break;
          }
        }
        if (end >= 0) break;
      }
      const j1 = order[ready++]!;
      const i = colToRow[j1]!;
      const rowBase = i * cols;
      const u1 = cost[rowBase + j1]! - v[j1]! - min;
      for (let k = todo; k < cols; k++) {
        const j = order[k]!;
        const h = cost[rowBase + j]! - v[j]! - u1;
        if (h < d[j]!) {
          d[j] = h;
          pred[j] = i;
          if (h === min) {
            if (colToRow[j]! < 0) {
              end = j;
              break;
            }
            order[k] = order[todo]!;
            order[todo++] = j;
          }
        }
      }
    }
    // Dual update for scanned columns keeps reduced costs ≥ 0 and the path tight.
    for (let k = 0; k < ready; k++) {
      const j = order[k]!;
      v[j]! += d[j]! - min;
    }
    let j = end;
    for (;;) {
      const i = pred[j]!;
      colToRow[j] = i;
      const previous = rowToCol[i]!;
      rowToCol[i] = j;
      if (i === f) break;
      j = previous;
    }
  }
}
