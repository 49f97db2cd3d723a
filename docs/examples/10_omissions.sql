-- purpose: what each outlet leaves out: claims most other outlets report (the `disagreements` omission rule), most prominent first.
with omitted as (
    select event_id, outlet_b as outlet_id, claim_id, outlet_a as reported_by_eg, sentence_a as reported_as
    from disagreements
    where kind = 'omission'
),
final as (
    select o.event_id, o.outlet_id, c.n_outlets as reported_by_n_outlets, round(c.first_position, 2) as prominence,
           c.label as claim, o.reported_by_eg
    from omitted o
    join claims c using (claim_id)
    order by o.event_id, o.outlet_id, c.first_position, c.n_outlets desc
)
select * from final;
