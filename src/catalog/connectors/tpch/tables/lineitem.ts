/**
 * LINEITEM: one to seven lines per order, about 6,000,000 × SF rows. Splits divide the orders
 * (a split holds all lines of its orders), so the row count of a split is only known by drawing
 * each order's line count; `lineitemRowCount` does that without generating the lines.
 */

import { type TpchBatch, type TpchColumnData, truncateColumns } from '../batch';
import { isInPast } from '../dates';
import { DISTRIBUTIONS } from '../dists';
import { orderKey, partPriceCents, partSupplierKey, totalSuppliers } from '../formulas';
import { RandomBoundedInt, RandomInt } from '../random';
import { RandomText } from '../random-values';
import { ORDERS_SCALE_BASE, partRowCount, partStartIndex } from '../scaling';
import { TextPool } from '../text-pool';
import {
  MAX_LINES_PER_ORDER,
  discountStream,
  lineCountStream,
  orderDateStream,
  partKeyStream,
  quantityStream,
  shipDateStream,
  taxStream,
} from './order-streams';

/** Lines of the orders in a split: the sum of their drawn line counts. */
export function lineitemRowCount(scaleFactor: number, part: number, partCount: number): number {
  const orders = partRowCount(ORDERS_SCALE_BASE, scaleFactor, part, partCount);
  const lineCounts = lineCountStream();
  lineCounts.advanceRows(partStartIndex(ORDERS_SCALE_BASE, scaleFactor, part, partCount));
  let lines = 0;
  for (let i = 0; i < orders; i++) {
    lines += lineCounts.next();
    lineCounts.rowFinished();
  }
  return lines;
}

export function* generateLineitem(
  scaleFactor: number,
  part: number,
  partCount: number,
  batchSize: number,
): Generator<TpchBatch> {
  const orderCount = partRowCount(ORDERS_SCALE_BASE, scaleFactor, part, partCount);
  if (orderCount === 0) return;
  const start = partStartIndex(ORDERS_SCALE_BASE, scaleFactor, part, partCount);

  const returnFlags = DISTRIBUTIONS.returnFlags;
  const instructions = DISTRIBUTIONS.shipInstructions;
  const shipModes = DISTRIBUTIONS.shipModes;
  const orderDates = orderDateStream();
  const lineCounts = lineCountStream();
  const quantities = quantityStream();
  const discounts = discountStream();
  const taxes = taxStream();
  const partKeys = partKeyStream(scaleFactor);
  const supplierNumbers = new RandomBoundedInt(2095021727, 0, 3, MAX_LINES_PER_ORDER);
  const shipDates = shipDateStream();
  const commitDates = new RandomBoundedInt(904914315, 30, 90, MAX_LINES_PER_ORDER);
  const receiptDates = new RandomBoundedInt(373135028, 1, 30, MAX_LINES_PER_ORDER);
  const returnFlagRandom = new RandomInt(717419739, MAX_LINES_PER_ORDER);
  const instructionRandom = new RandomInt(1371272478, MAX_LINES_PER_ORDER);
  const shipModeRandom = new RandomInt(675466456, MAX_LINES_PER_ORDER);
  const comments = new RandomText(1095462486, TextPool.get(), 27, MAX_LINES_PER_ORDER);
  const streams = [
    orderDates,
    lineCounts,
    quantities,
    discounts,
    taxes,
    partKeys,
    supplierNumbers,
    shipDates,
    commitDates,
    receiptDates,
    returnFlagRandom,
    instructionRandom,
    shipModeRandom,
    comments,
  ];
  for (const stream of streams) stream.advanceRows(start);

  const suppliers = totalSuppliers(scaleFactor);

  // the order being written: its index (1-based), date, line count and next line
  let orderIndex = start + 1;
  let ordersLeft = orderCount;
  let orderDate = orderDates.next();
  let lineCount = lineCounts.next();
  let lineNumber = 0;

  while (ordersLeft > 0) {
    const capacity = batchSize;
    const orderKeyColumn = new Float64Array(capacity);
    const partKeyColumn = new Float64Array(capacity);
    const suppKeyColumn = new Float64Array(capacity);
    const lineNumberColumn = new Float64Array(capacity);
    const quantityColumn = new Float64Array(capacity);
    const extendedPriceColumn = new Float64Array(capacity);
    const discountColumn = new Float64Array(capacity);
    const taxColumn = new Float64Array(capacity);
    const returnFlagColumn = new Array<string>(capacity);
    const lineStatusColumn = new Array<string>(capacity);
    const shipDateColumn = new Int32Array(capacity);
    const commitDateColumn = new Int32Array(capacity);
    const receiptDateColumn = new Int32Array(capacity);
    const instructionColumn = new Array<string>(capacity);
    const shipModeColumn = new Array<string>(capacity);
    const commentColumn = new Array<string>(capacity);

    let rows = 0;
    let key = orderKey(orderIndex);
    while (rows < capacity && ordersLeft > 0) {
      const quantity = quantities.next();
      const partKey = partKeys.next();
      const supplierNumber = supplierNumbers.next();
      const shipDate = orderDate + shipDates.next();
      const receiptDate = shipDate + receiptDates.next();

      orderKeyColumn[rows] = key;
      partKeyColumn[rows] = partKey;
      suppKeyColumn[rows] = partSupplierKey(partKey, supplierNumber, suppliers);
      lineNumberColumn[rows] = lineNumber + 1;
      quantityColumn[rows] = quantity * 100;
      extendedPriceColumn[rows] = partPriceCents(partKey) * quantity;
      discountColumn[rows] = discounts.next();
      taxColumn[rows] = taxes.next();
      returnFlagColumn[rows] = isInPast(receiptDate) ? returnFlags.randomValue(returnFlagRandom) : 'N';
      lineStatusColumn[rows] = isInPast(shipDate) ? 'F' : 'O';
      shipDateColumn[rows] = shipDate;
      commitDateColumn[rows] = orderDate + commitDates.next();
      receiptDateColumn[rows] = receiptDate;
      instructionColumn[rows] = instructions.randomValue(instructionRandom);
      shipModeColumn[rows] = shipModes.randomValue(shipModeRandom);
      commentColumn[rows] = comments.next();
      rows++;

      if (++lineNumber === lineCount) {
        for (let s = 0; s < streams.length; s++) streams[s].rowFinished();
        ordersLeft--;
        orderIndex++;
        key = orderKey(orderIndex);
        lineCount = lineCounts.next();
        orderDate = orderDates.next();
        lineNumber = 0;
      }
    }

    const columns: TpchColumnData[] = [
      orderKeyColumn,
      partKeyColumn,
      suppKeyColumn,
      lineNumberColumn,
      quantityColumn,
      extendedPriceColumn,
      discountColumn,
      taxColumn,
      returnFlagColumn,
      lineStatusColumn,
      shipDateColumn,
      commitDateColumn,
      receiptDateColumn,
      instructionColumn,
      shipModeColumn,
      commentColumn,
    ];
    yield { rowCount: rows, columns: rows < capacity ? truncateColumns(columns, rows) : columns };
  }
}
