-- The demo lake: three real tables with a few hundred rows of realistic, deterministic data. Agora publishes
-- them as data products and grants access to them through real PostgreSQL roles. Safe to run again: it only
-- creates what is missing.

CREATE SCHEMA IF NOT EXISTS lake;
COMMENT ON SCHEMA lake IS 'Demo data lake of the sales and marketing domains';

CREATE TABLE IF NOT EXISTS lake.customers (
    customer_id      BIGINT PRIMARY KEY,
    full_name        TEXT        NOT NULL,
    email            TEXT        NOT NULL,
    country          CHAR(2)     NOT NULL,
    segment          TEXT        NOT NULL,
    signed_up_on     DATE        NOT NULL,
    marketing_opt_in BOOLEAN     NOT NULL
);
COMMENT ON TABLE lake.customers IS 'Registered web-shop customers, one row per customer';
COMMENT ON COLUMN lake.customers.customer_id IS 'Customer key';
COMMENT ON COLUMN lake.customers.full_name IS 'First and last name as entered at sign-up';
COMMENT ON COLUMN lake.customers.email IS 'Contact e-mail address';
COMMENT ON COLUMN lake.customers.country IS 'ISO 3166-1 alpha-2 country of the billing address';
COMMENT ON COLUMN lake.customers.segment IS 'consumer, small-business or enterprise';
COMMENT ON COLUMN lake.customers.signed_up_on IS 'Day the account was created';
COMMENT ON COLUMN lake.customers.marketing_opt_in IS 'Whether the customer agreed to marketing e-mail';

CREATE TABLE IF NOT EXISTS lake.campaigns (
    campaign_id  BIGINT PRIMARY KEY,
    name         TEXT           NOT NULL,
    channel      TEXT           NOT NULL,
    starts_on    DATE           NOT NULL,
    ends_on      DATE           NOT NULL,
    budget_eur   NUMERIC(12, 2) NOT NULL,
    spend_eur    NUMERIC(12, 2) NOT NULL,
    impressions  BIGINT         NOT NULL,
    clicks       BIGINT         NOT NULL,
    conversions  BIGINT         NOT NULL
);
COMMENT ON TABLE lake.campaigns IS 'Marketing campaigns with their spend and funnel figures';
COMMENT ON COLUMN lake.campaigns.campaign_id IS 'Campaign key';
COMMENT ON COLUMN lake.campaigns.name IS 'Campaign name as planned by marketing';
COMMENT ON COLUMN lake.campaigns.channel IS 'email, search, social or display';
COMMENT ON COLUMN lake.campaigns.starts_on IS 'First day of the campaign';
COMMENT ON COLUMN lake.campaigns.ends_on IS 'Last day of the campaign';
COMMENT ON COLUMN lake.campaigns.budget_eur IS 'Planned budget in euros';
COMMENT ON COLUMN lake.campaigns.spend_eur IS 'Actual spend in euros';
COMMENT ON COLUMN lake.campaigns.impressions IS 'Times an ad or mail was shown';
COMMENT ON COLUMN lake.campaigns.clicks IS 'Clicks through to the shop';
COMMENT ON COLUMN lake.campaigns.conversions IS 'Orders attributed to the campaign';

CREATE TABLE IF NOT EXISTS lake.orders (
    order_id     BIGINT PRIMARY KEY,
    customer_id  BIGINT         NOT NULL,
    ordered_at   TIMESTAMPTZ    NOT NULL,
    status       TEXT           NOT NULL,
    channel      TEXT           NOT NULL,
    country      CHAR(2)        NOT NULL,
    currency     CHAR(3)        NOT NULL,
    amount       NUMERIC(10, 2) NOT NULL,
    item_count   INTEGER        NOT NULL,
    campaign_id  BIGINT
);
COMMENT ON TABLE lake.orders IS 'All confirmed web-shop orders, one row per order';
COMMENT ON COLUMN lake.orders.order_id IS 'Order key';
COMMENT ON COLUMN lake.orders.customer_id IS 'Customer who placed the order (lake.customers)';
COMMENT ON COLUMN lake.orders.ordered_at IS 'When the order was confirmed';
COMMENT ON COLUMN lake.orders.status IS 'confirmed, shipped, delivered or returned';
COMMENT ON COLUMN lake.orders.channel IS 'web, mobile-app or marketplace';
COMMENT ON COLUMN lake.orders.country IS 'ISO 3166-1 alpha-2 country of delivery';
COMMENT ON COLUMN lake.orders.currency IS 'ISO 4217 currency of the amount';
COMMENT ON COLUMN lake.orders.amount IS 'Order total including VAT';
COMMENT ON COLUMN lake.orders.item_count IS 'Number of items in the order';
COMMENT ON COLUMN lake.orders.campaign_id IS 'Campaign the order is attributed to, if any (lake.campaigns)';

INSERT INTO lake.customers
SELECT g,
       first_name || ' ' || last_name,
       lower(first_name) || '.' || lower(last_name) || g || '@example.com',
       (ARRAY ['DE','FR','NL','IT','ES','AT','BE','SE','PL','DK'])[1 + (g * 7) % 10],
       (ARRAY ['consumer','consumer','consumer','small-business','enterprise'])[1 + (g * 3) % 5],
       DATE '2023-01-01' + ((g * 37) % 1000),
       (g % 3) <> 0
FROM generate_series(1, 200) AS g,
     LATERAL (SELECT (ARRAY ['Anna','Ben','Chiara','David','Elif','Finn','Greta','Hugo','Ines','Jonas',
                             'Klara','Luca','Mila','Noah','Olga','Pablo','Rosa','Sven','Tara','Yusuf'])[1 + (g * 13) % 20]
                         AS first_name,
                     (ARRAY ['Meyer','Dubois','de Vries','Rossi','Garcia','Huber','Peeters','Lindqvist',
                             'Nowak','Jensen','Schmidt','Martin','Bakker','Bianchi','Lopez'])[1 + (g * 11) % 15]
                         AS last_name) AS names
WHERE NOT EXISTS (SELECT 1 FROM lake.customers);

INSERT INTO lake.campaigns
SELECT g,
       (ARRAY ['Spring Sale','Back to School','Summer Deals','Black Friday','Winter Warmers','New Year Reset',
               'Loyalty Boost','Easter Treats'])[1 + (g - 1) % 8] || ' ' || (2024 + (g - 1) / 16)
           || CASE WHEN (g - 1) % 16 >= 8 THEN ' (retargeting)' ELSE '' END,
       (ARRAY ['email','search','social','display'])[1 + g % 4],
       DATE '2024-01-15' + (g - 1) * 21,
       DATE '2024-01-15' + (g - 1) * 21 + 13 + g % 8,
       5000 + (g * 1237) % 20000,
       round(((5000 + (g * 1237) % 20000) * (0.7 + ((g * 17) % 30) / 100.0))::numeric, 2),
       40000 + (g * 7919) % 260000,
       (40000 + (g * 7919) % 260000) / (40 + g % 25),
       ((40000 + (g * 7919) % 260000) / (40 + g % 25)) / (12 + g % 9)
FROM generate_series(1, 40) AS g
WHERE NOT EXISTS (SELECT 1 FROM lake.campaigns);

INSERT INTO lake.orders
SELECT g,
       1 + (g * 37) % 200,
       TIMESTAMPTZ '2024-01-01 08:00:00+00' + ((g * 1931) % 1000) * INTERVAL '1 day'
           + ((g * 733) % 50000) * INTERVAL '1 second',
       (ARRAY ['delivered','delivered','delivered','shipped','confirmed','returned'])[1 + (g * 5) % 6],
       (ARRAY ['web','web','mobile-app','marketplace'])[1 + (g * 3) % 4],
       (ARRAY ['DE','FR','NL','IT','ES','AT','BE','SE','PL','DK'])[1 + ((1 + (g * 37) % 200) * 7) % 10],
       'EUR',
       round((12.5 + ((g * 7907) % 48000) / 100.0)::numeric, 2),
       1 + (g * 11) % 6,
       CASE WHEN g % 4 = 0 THEN 1 + (g * 13) % 40 END
FROM generate_series(1, 600) AS g
WHERE NOT EXISTS (SELECT 1 FROM lake.orders);
