-- purpose: every table and view of the main schema with its columns in order, tables first (what export writes).
select t.table_name as name,
       case t.table_type when 'VIEW' then 'view' else 'table' end as kind,
       list(c.column_name order by c.ordinal_position) as columns
from information_schema.tables t
join information_schema.columns c using (table_catalog, table_schema, table_name)
where t.table_schema = 'main' and t.table_catalog = current_database()
group by all
order by 2, 1
