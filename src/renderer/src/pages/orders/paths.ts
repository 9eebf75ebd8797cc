/** Where an order's detail opens (`#/orders/:id`, router.tsx): one place for every link to an order. */
export const orderPath = (id: number) => `/orders/${id}`
