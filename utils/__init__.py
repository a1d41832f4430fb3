"""Russia-China Dependence Lab."""
