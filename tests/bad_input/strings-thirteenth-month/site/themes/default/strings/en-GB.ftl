month_13 = Smarch
