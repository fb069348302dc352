//! Product claims: `规上企业11户，每户50万元，共计550万元`.

use crate::read::document::Document;
use crate::read::quantity::Unit;

#[derive(Debug, Clone)]
pub struct ProductClaim {
    pub count: usize,
    pub each: usize,
    pub total: usize,
}

pub fn extract(doc: &Document) -> Vec<ProductClaim> {
    let mut out = Vec::new();
    for (ei, e) in doc.figures.iter().enumerate() {
        if !e.label.contains('每') || !e.q.is_operand() || !e.q.unit.is_money() || e.in_table {
            continue;
        }
        let count = (0..ei)
            .rev()
            .take_while(|&i| doc.figures[i].sentence() == e.sentence() && ei - i <= 2)
            .find(|&i| {
                matches!(doc.figures[i].q.unit, Unit::Count(_)) && doc.figures[i].q.is_operand()
            });
        let total = (ei + 1..doc.figures.len())
            .take_while(|&i| doc.figures[i].sentence() == e.sentence() && i - ei <= 1)
            .find(|&i| {
                let g = &doc.figures[i];
                g.q.unit.is_money()
                    && g.q.is_operand()
                    && ["共计", "合计", "共", "总计", "累计"]
                        .iter()
                        .any(|w| g.label.contains(w))
            });
        if let (Some(count), Some(total)) = (count, total) {
            out.push(ProductClaim {
                count,
                each: ei,
                total,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn households_times_amount() {
        let d = Document::read("分别对规上企业11户，每户50万元，共计550万元给予资金拨付。");
        let p = extract(&d);
        assert_eq!(p.len(), 1);
        assert_eq!(d.figures[p[0].total].q.display(), "550万元");
        assert!(extract(&Document::read("每户50万元。")).is_empty());
    }
}
